using Akka.Actor;
using ImpClusterSim.Domain.Time;
using ImpClusterSim.Live.Control;
using ImpClusterSim.Live.Coordinator;
using ImpClusterSim.Live.Ports;
using ImpClusterSim.Node.Ports;
using ImpClusterSim.Scenarios.Language;
using ImpClusterSim.Scenarios.Runner;

namespace ImpClusterSim.Scenarios.Live;

/// <summary>
/// The live coordinator as the scenario runner's host (<see cref="IRunHost"/>): one loop thread runs the scheduled
/// actions (steps, faults, checks) in virtual-time order, each when the scaled wall clock reaches it (an action runs with
/// <see cref="Now"/> set to its own instant, so a check is decided at the instant it was due); a step's operation and a
/// node's part of a condition are played by that node's process (<see cref="PlayStep"/>, <see cref="ProbeCondition"/>,
/// each asked with a bound); run events go to the observers. Reads the wall clock: live code only.
/// </summary>
internal sealed class LiveRunHost : IRunHost
{
    /// <summary>How long a node process may take to play a step or evaluate a condition (wall time).</summary>
    public static readonly TimeSpan NodeAnswerTimeout = TimeSpan.FromSeconds(30);

    private readonly LiveCoordinator _coordinator;
    private readonly LiveTime _time;
    private readonly ConditionIndex _conditions;
    private readonly Dictionary<Step, int> _steps = new(ReferenceEqualityComparer.Instance);
    private readonly PriorityQueue<Action, (SimInstant Due, long Sequence)> _queue = new();
    private readonly Queue<Action> _instantEnd = new();
    private readonly List<Action<TraceEvent>> _observers = [];
    private readonly HashSet<string> _down = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TimeSpan> _skews = new(StringComparer.Ordinal);
    private readonly CancellationToken _cancel;
    private readonly Dictionary<string, long> _traceNext = new(StringComparer.Ordinal);
    private readonly LiveMessageTally _messages = new();
    private long _sequence;

    public LiveRunHost(LiveCoordinator coordinator, LiveTime time, Scenario scenario, CancellationToken cancel)
    {
        _coordinator = coordinator;
        _time = time;
        _conditions = new ConditionIndex(scenario);
        for (var i = 0; i < scenario.Steps.Length; i++) _steps[scenario.Steps[i]] = i;
        _cancel = cancel;
        Now = time.Origin;
    }

    public LiveCoordinator Coordinator => _coordinator;

    public LiveTime Time => _time;

    /// <summary>The node processes' message counts, as reported with their traces.</summary>
    public LiveMessageTally Messages => _messages;

    public SimInstant Start => _time.Origin;

    public SimInstant Now { get; private set; }

    public void AddObserver(Action<TraceEvent> observer) => _observers.Add(observer);

    /// <summary>Marks a node killed (down) or back; a down node is neither asked nor played on.</summary>
    public void SetDown(string node, bool down)
    {
        if (down) _down.Add(node);
        else _down.Remove(node);
    }

    /// <summary>Remembers a node's skew (the node's process applies it; this is for the coordinator's own view).</summary>
    public void SetSkew(string node, TimeSpan skew) => _skews[node] = skew;

    /// <summary>The skew last set on a node by a fault; null when none was.</summary>
    public TimeSpan? SkewOf(string node) => _skews.TryGetValue(node, out var skew) ? skew : null;

    /// <summary>Pulls the new trace events of every node that is up (each asked with a bound) and hands them to the observers.</summary>
    public void PullTraces()
    {
        foreach (var node in _coordinator.UpNodes.Order(StringComparer.Ordinal).Where(IsUp).ToArray()) PullTrace(node);
    }

    /// <summary>Pulls the new trace events of <paramref name="node"/>; a node that does not answer is asked again next time.</summary>
    public void PullTrace(string node)
    {
        try
        {
            while (true)
            {
                var batch = Ask<TraceBatch>(node, new PullTrace(_traceNext.GetValueOrDefault(node)));
                _traceNext[node] = batch.Next;
                _messages.Observe(node, batch.Incarnation, batch.Counts);
                foreach (var line in batch.Lines) Emit(new TraceEvent(new SimInstant(line.TimeTicks), line.Node, line.Path, line.Event, line.Details));
                if (batch.Lines.Count == 0) break;
            }
        }
        catch (Exception e) when (IsNoAnswer(e))
        {
            // Asked again at the next pull.
        }
    }

    /// <summary>A restarted node process starts its trace from index 0.</summary>
    public void ForgetTrace(string node) => _traceNext.Remove(node);

    public void At(SimInstant when, Action action) => _queue.Enqueue(action, (when < Now ? Now : when, _sequence++));

    public void AtInstantEnd(Action action) => _instantEnd.Enqueue(action);

    public SimInstant NodeClock(string node) => Now + _skews.GetValueOrDefault(node);

    public bool IsUp(string node) => !_down.Contains(node) && _coordinator.UpNodes.Contains(node);

    public T? Request<T>(string node, Func<IActorRef, object> make) where T : class =>
        throw new InvalidOperationException("the live coordinator asks node processes to play steps and probe conditions; it sends no admin request itself");

    public T? Query<T>(string node, Func<IActorRef, object> make) where T : class => Request<T>(node, make);

    /// <summary>Unknown: the node's counters are in its own process.</summary>
    public ViewStamp? Stamp(string node) => null;

    public void Send(string node, Func<IActorRef, object> make, Action<object> onReply) =>
        throw new InvalidOperationException("the live coordinator asks node processes to play steps; it sends no admin request itself");

    public void Record(string node, string @event, (string Key, string Value)[] details) =>
        Emit(new TraceEvent(Now, node, "/", @event, details.Length == 0 ? TraceEvent.NoDetails : details.Select(d => KeyValuePair.Create(d.Key, d.Value)).ToArray()));

    /// <summary>A trace event of a node process (pulled) or of the coordinator, to every observer.</summary>
    public void Emit(TraceEvent e)
    {
        foreach (var observer in _observers) observer(e);
    }

    public void Play(string node, Step step, Action here)
    {
        try
        {
            var played = Ask<StepPlayed>(node, new PlayStep(_steps[step], node));
            foreach (var r in played.Records) Emit(new TraceEvent(Now, r.Node, "/", r.Event, [.. r.Details]));
        }
        catch (Exception e) when (IsNoAnswer(e))
        {
            Record(node, step.Operation.Kind, [("result", "no reply"), ("reply", e.Message)]);
        }
    }

    public Observation Probe(string node, Condition condition, Func<Observation> here)
    {
        if (!IsUp(node)) return new Observation(false, $"{node} is down");
        try
        {
            var seen = Ask<ConditionObserved>(node, new ProbeCondition(_conditions.NumberOf(condition), node));
            return new Observation(seen.Holds, seen.Seen);
        }
        catch (Exception e) when (IsNoAnswer(e))
        {
            return new Observation(false, $"{node} did not answer: {e.Message}");
        }
    }

    /// <summary>Asks a node's process and waits (bounded, wall time) on the loop thread.</summary>
    public T Ask<T>(string node, object message) => _coordinator.AskAsync<T>(node, message, NodeAnswerTimeout).GetAwaiter().GetResult();

    /// <summary>
    /// Runs every action due up to <paramref name="until"/> (virtual), each once the scaled wall clock reaches its
    /// instant, and the end-of-instant actions after each instant. Throws <see cref="OperationCanceledException"/> when
    /// cancelled (Ctrl+C).
    /// </summary>
    public void RunUntil(SimInstant until)
    {
        while (_queue.TryPeek(out _, out var key) && key.Due <= until)
        {
            WaitFor(key.Due);
            _queue.Dequeue().Invoke();
            if (_queue.TryPeek(out _, out var next) && next.Due <= Now) continue;
            DrainInstantEnd();
        }

        WaitFor(until);
        DrainInstantEnd();
    }

    private void WaitFor(SimInstant due)
    {
        var wait = _time.WallAt(due - Start) - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero && _cancel.WaitHandle.WaitOne(wait)) _cancel.ThrowIfCancellationRequested();
        _cancel.ThrowIfCancellationRequested();
        if (due > Now) Now = due;
    }

    private void DrainInstantEnd()
    {
        while (_instantEnd.TryDequeue(out var action)) action();
    }

    private static bool IsNoAnswer(Exception e) =>
        e is AskTimeoutException or TaskCanceledException or TimeoutException or LiveNodeUnreachableException or InvalidCastException;
}
