using Akka.Actor;
using ImpClusterSim.Domain.Time;
using ImpClusterSim.Live;
using ImpClusterSim.Live.Control;
using ImpClusterSim.Node.Ports;
using ImpClusterSim.Scenarios.Language;
using ImpClusterSim.Scenarios.Runner;

namespace ImpClusterSim.Scenarios.Live;

/// <summary>
/// The run as a scenario agent inside one live node process sees it (<see cref="IRunHost"/>): only its own node, asked
/// through its Service Manager with a bound; what a step records is collected for the coordinator's answer, and what is
/// recorded later (an answer that comes after the step) goes to the node's trace, which the coordinator pulls. It plays
/// and probes here and schedules nothing (the coordinator keeps the run's time).
/// </summary>
internal sealed class NodeProcessHost(LiveNodeHost host) : IRunHost
{
    /// <summary>How long a request to the node's own Service Manager may take (wall time).</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    private List<RunRecord>? _collecting;

    private string Self => host.Settings.NodeName;

    public SimInstant Start => host.Clock.Time.Origin;

    public SimInstant Now => host.Clock.Time.Now;

    public void At(SimInstant when, Action action) => throw new InvalidOperationException("a node process schedules nothing: the coordinator keeps the run's time");

    public void AtInstantEnd(Action action) => throw new InvalidOperationException("a node process schedules nothing: the coordinator keeps the run's time");

    public SimInstant NodeClock(string node) => node == Self ? host.Clock.Now : Now;

    public bool IsUp(string node) => node == Self && host.Guardian is not null;

    public T? Request<T>(string node, Func<IActorRef, object> make) where T : class
    {
        if (!IsUp(node)) return null;
        try
        {
            return host.Guardian!.Ask<object>(make, RequestTimeout, CancellationToken.None).GetAwaiter().GetResult() as T;
        }
        catch (Exception e) when (e is AskTimeoutException or TaskCanceledException)
        {
            return null;
        }
    }

    public T? Query<T>(string node, Func<IActorRef, object> make) where T : class => Request<T>(node, make);

    /// <summary>Unknown here (the live node's queries are asked every time).</summary>
    public ViewStamp? Stamp(string node) => null;

    public void Send(string node, Func<IActorRef, object> make, Action<object> onReply)
    {
        if (!IsUp(node)) return;
        var callback = host.HostSystem.ActorOf(Props.Create(() => new Callback(onReply)));
        host.Guardian!.Tell(make(callback));
    }

    public void Record(string node, string @event, (string Key, string Value)[] details)
    {
        var pairs = details.Select(d => KeyValuePair.Create(d.Key, d.Value)).ToArray();
        if (_collecting is { } records) records.Add(new RunRecord(node, @event, pairs));
        else host.Trace.Record(new TraceEvent(Now, node, "/", @event, pairs));
    }

    public void Play(string node, Step step, Action here) => here();

    public Observation Probe(string node, Condition condition, Func<Observation> here) => here();

    /// <summary>Runs <paramref name="play"/> and returns what it recorded (one step at a time: the agent's thread).</summary>
    public IReadOnlyList<RunRecord> Collect(Action play)
    {
        _collecting = [];
        try
        {
            play();
            return _collecting;
        }
        finally
        {
            _collecting = null;
        }
    }

    /// <summary>Gets the later answers of an operation (the Certificate Import Tool's report) and stops after the first.</summary>
    private sealed class Callback : ReceiveActor
    {
        public Callback(Action<object> onReply) => ReceiveAny(m =>
        {
            onReply(m);
            Context.Stop(Self);
        });
    }
}
