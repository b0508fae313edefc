using Akka.Actor;
using ImpClusterSim.Live.Control;
using ImpClusterSim.Live.Network;
using ImpClusterSim.Live.Ports;
using ImpClusterSim.Live.Storage;
using ImpClusterSim.Node;

namespace ImpClusterSim.Live;

/// <summary>
/// One node in its own OS process. Two ActorSystems: the <b>host</b> (<c>impsim</c>), an Akka.Cluster member over
/// TCP with roles naming the node, its cluster and publisher/subscriber, holding <c>/user/node</c> (the inbox of node
/// traffic) and <c>/user/control</c> (the coordinator's handle); and the <b>node</b> system named after the node,
/// running its service actors on scaled time with the live ports: <see cref="LiveNetwork"/>,
/// <see cref="SqliteDurableStore"/>, <see cref="LiveClock"/>, <see cref="LiveRandom"/>. The services start once the
/// member is Up. At each start the incarnation counter in the SQLite file goes up by one.
/// </summary>
public sealed class LiveNodeHost : IAsyncDisposable
{
    private readonly Lock _startLock = new();
    private Func<NodeContext, Props>? _root;
    private readonly TaskCompletionSource _shutdown = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private LiveNodeHost(LiveNodeSettings settings, ActorSystem host, SqliteDurableStore disk, LiveTraceSink trace, long incarnation)
    {
        Settings = settings;
        HostSystem = host;
        Disk = disk;
        Trace = trace;
        Incarnation = incarnation;
        Clock = new LiveClock(settings.Time);
        Directory = new NodeDirectory();
        Network = new LiveNetwork(host, Directory, settings.NodeName, Clock, new LiveRandom(settings.Seed, settings.NodeName, "network#" + incarnation));
    }

    public LiveNodeSettings Settings { get; }

    public ActorSystem HostSystem { get; }

    public ActorSystem? NodeSystem { get; private set; }

    public SqliteDurableStore Disk { get; }

    public LiveTraceSink Trace { get; }

    public LiveClock Clock { get; }

    public NodeDirectory Directory { get; }

    public LiveNetwork Network { get; }

    public long Incarnation { get; }

    /// <summary>The node's guardian (its Service Manager or skeleton guardian) once the services started; null before.</summary>
    public IActorRef? Guardian { get; private set; }

    /// <summary>
    /// The actor that plays a scenario's steps and probes on this node (<see cref="PlayStep"/>, <see cref="ProbeCondition"/>),
    /// set by a node process started with a scenario; null otherwise (the control actor then answers that none plays).
    /// </summary>
    public IActorRef? ScenarioAgent { get; set; }

    /// <summary>Completes when the process should end: shut down on request, or downed and removed by the cluster.</summary>
    public Task Terminated => Task.WhenAny(_shutdown.Task, HostSystem.WhenTerminated);

    /// <summary>
    /// Opens the node's SQLite file, joins the cluster, waits until this member is Up (at most
    /// <paramref name="upWithin"/>), then starts the node's actors (<paramref name="root"/>: the guardian's props) on the
    /// run's time from <see cref="LiveNodeSettings.Time"/>, or, without <paramref name="startServices"/>, when the
    /// coordinator sends <see cref="StartServices"/> with the epoch every process shares.
    /// Throws <see cref="TimeoutException"/> if the member is not Up in time (the systems are shut down first).
    /// </summary>
    public static async Task<LiveNodeHost> StartAsync(LiveNodeSettings settings, Func<NodeContext, Props> root, TimeSpan upWithin, TextWriter? echo = null,
        bool startServices = true)
    {
        var disk = new SqliteDurableStore(settings.DatabasePath, LiveCodecs.Registry);
        var incarnation = (disk.TryGet<IncarnationRecord>(IncarnationRecord.Key, out var previous) ? previous.Number : 0) + 1;
        disk.Put(IncarnationRecord.Key, new IncarnationRecord(incarnation));

        var hostSystem = LiveHocon.CreateHostSystem(settings.Host);
        var host = new LiveNodeHost(settings, hostSystem, disk, new LiveTraceSink(echo), incarnation) { _root = root };
        NodeDirectory.Follow(hostSystem, host.Directory);
        hostSystem.ActorOf(LiveControl.Props(host), LiveControl.Name);

        var up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Akka.Cluster.Cluster.Get(hostSystem).RegisterOnMemberUp(() => up.TrySetResult());
        if (await Task.WhenAny(up.Task, Task.Delay(upWithin)) != up.Task)
        {
            await host.DisposeAsync();
            throw new TimeoutException($"node {settings.NodeName}: not Up in the cluster within {upWithin.TotalSeconds:0} s (seed nodes: {string.Join(", ", settings.Host.SeedNodes)})");
        }

        if (startServices) host.StartServices(settings.Time.Epoch);
        return host;
    }

    /// <summary>
    /// Starts the node's own ActorSystem and its service actors, with the run's virtual time starting at
    /// <paramref name="epoch"/> (wall). Once only: a second call does nothing. Thread-safe.
    /// </summary>
    public void StartServices(DateTimeOffset epoch)
    {
        lock (_startLock)
        {
            if (NodeSystem is not null) return;
            Clock.Time = Settings.Time with { Epoch = epoch };
            var settings = Settings;
            var context = new NodeContext(
                settings.NodeName,
                Clock,
                new LiveRunClock(Clock),
                Network,
                Disk,
                purpose => new LiveRandom(settings.Seed, settings.NodeName, purpose + "#" + Incarnation),
                Trace);
            NodeSystem = ActorSystem.Create(settings.NodeName, LiveHocon.Node(Clock.Time));
            var guardian = NodeSystem.ActorOf(_root!(context), NodeGuardian.Name);
            Guardian = guardian;
            HostSystem.ActorOf(NodeInbox.Props(guardian, Network), LiveNetwork.InboxName);
            Trace.Record(new Node.Ports.TraceEvent(Clock.Time.Now, settings.NodeName, "/user/" + NodeGuardian.Name, "node-started",
                [KeyValuePair.Create("incarnation", Incarnation.ToString(System.Globalization.CultureInfo.InvariantCulture))]));
        }
    }

    public NodeStatusReport Status() => new(
        Settings.NodeName, Settings.Cluster, Incarnation, Clock.Now.UtcTicks, Clock.Skew.Ticks, Network.Sent, Network.Dropped, Disk.Writes);

    /// <summary>Leave the cluster and end the process (answered first by the control actor).</summary>
    public void RequestShutdown() => _shutdown.TrySetResult();

    /// <summary>Leaves the cluster (bounded), stops both systems and closes the SQLite file.</summary>
    public async ValueTask DisposeAsync()
    {
        if (NodeSystem is { } node)
        {
            await node.Terminate().WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);
            if (node.Scheduler is IDisposable scheduler) scheduler.Dispose();
        }
        var shutdown = CoordinatedShutdown.Get(HostSystem).Run(CoordinatedShutdown.ClrExitReason.Instance);
        await shutdown.WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(_ => { }, TaskScheduler.Default);
        await HostSystem.Terminate().WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);
        Disk.Dispose();
    }
}
