using ImpClusterSim.Domain.Time;
using ImpClusterSim.Node;
using ImpClusterSim.Node.Ports;
using ImpClusterSim.Simulation.Kernel;
using ImpClusterSim.Simulation.Network;
using ImpClusterSim.Simulation.Nodes;
using ImpClusterSim.Simulation.Randomness;
using ImpClusterSim.Simulation.Tracing;

namespace ImpClusterSim.Simulation;

/// <summary>
/// One simulated run: the kernel (clock and loop), the seeded randomness, the network, the trace and the nodes.
/// Everything is driven from the thread that created it; the same seed and the same calls give the same trace.
/// </summary>
public sealed class SimulationRun : IDisposable
{
    private readonly List<SimNode> _nodes = [];
    private readonly List<ActorFailure> _actorFailures = [];
    private readonly Dictionary<string, SimNode> _byName = new(StringComparer.Ordinal);
    private readonly List<NodeSystemLease> _ended = [];
    private Operator? _operator;

    public SimulationRun(RunOptions options)
    {
        Options = options;
        Kernel = new SimulationKernel(options.Start);
        Randomness = new RunRandomness(options.Seed);
        Trace = new TraceWriter(options.TraceOutput);
        Network = new SimulatedNetwork(Kernel.Clock, Randomness, new NetworkModel(options.DefaultLink, options.ClusterOfNode), Trace);
    }

    public RunOptions Options { get; }

    public ulong Seed => Options.Seed;

    public SimulationKernel Kernel { get; }

    public RunRandomness Randomness { get; }

    public SimulatedNetwork Network { get; }

    public TraceWriter Trace { get; }

    /// <summary>The run's name-resolution faults (every node's resolver consults them); healthy until a fault starts.</summary>
    public NameResolutionFaults HostNames { get; } = new();

    public SimInstant Now => Kernel.Clock.Now;

    public IReadOnlyList<SimNode> Nodes => _nodes;

    /// <summary>The administrator's seat: operations on nodes and their replies (created on first use).</summary>
    public Operator Operator => _operator ??= new Operator(this);

    public SimNode this[string name] =>
        _byName.TryGetValue(name, out var node) ? node : throw new KeyNotFoundException($"No node named '{name}' in this run");

    public bool TryGetNode(string name, out SimNode node) => _byName.TryGetValue(name, out node!);

    /// <summary>Adds a node (down until started). Its services are made for each incarnation from its context.</summary>
    public SimNode AddNode(string name, string cluster, Func<NodeContext, IReadOnlyList<ServiceSpec>> services) =>
        AddNode(name, cluster, context => NodeGuardian.Props(context, services(context)));

    /// <summary>Adds a node (down until started) whose top actor, at <c>/user/node</c>, is made by <paramref name="root"/>.</summary>
    public SimNode AddNode(string name, string cluster, Func<NodeContext, Akka.Actor.Props> root)
    {
        if (_byName.ContainsKey(name)) throw new ArgumentException($"Node '{name}' is already in this run", nameof(name));
        if (Network.Model.ClusterOf(name) != cluster)
            throw new ArgumentException($"Node '{name}' of cluster '{cluster}' is not in RunOptions.ClusterOfNode", nameof(cluster));
        var node = new SimNode(this, name, cluster, root);
        _nodes.Add(node);
        _byName[name] = node;
        return node;
    }

    public void StartAll()
    {
        foreach (var node in _nodes)
            if (node.Status == NodeStatus.Down) node.Start();
    }

    /// <summary>Runs <paramref name="action"/> on the loop at virtual time <paramref name="at"/>.</summary>
    public ClockItem At(SimInstant at, Action action) => Kernel.Clock.Schedule(at, action);

    public ClockItem After(TimeSpan delay, Action action) => Kernel.Clock.ScheduleAfter(delay, action);

    public void RunUntil(SimInstant horizon) => Kernel.RunUntil(horizon);

    public void RunFor(TimeSpan duration) => Kernel.RunFor(duration);

    /// <summary>Records an event of the run itself (a fault, a node's lifecycle) at virtual time.</summary>
    public void RecordRunEvent(string node, string @event, params (string Key, string Value)[] details) =>
        Trace.Record(new TraceEvent(Now, node, "/", @event,
            details.Length == 0 ? TraceEvent.NoDetails : details.Select(d => KeyValuePair.Create(d.Key, d.Value)).ToArray()));

    /// <summary>
    /// Every exception an actor of any node threw (at creation, in a handler, in a timer) and every escalation past a
    /// node's guardian, in order: the node, the actor path inside it, the virtual time and the exception (null when Akka
    /// reported only a message). Each is also traced as <c>actor-failed</c>. A run with any of them fails.
    /// </summary>
    public IReadOnlyList<ActorFailure> ActorFailures => _actorFailures;

    /// <summary>Records an actor's failure on a node (see <see cref="ActorFailures"/>).</summary>
    public void RecordActorFailure(string node, string actorPath, string message, Exception? cause)
    {
        var path = ActorFailure.LocalPath(actorPath);
        _actorFailures.Add(new ActorFailure(node, path, Now, message, cause));
        Trace.Record(new TraceEvent(Now, node, path, "actor-failed", [KeyValuePair.Create("message", message)]));
    }

    /// <summary>Sets a node's clock skew from now on (a fault only that node sees).</summary>
    public void SetSkew(string node, TimeSpan skew)
    {
        this[node].Skew = skew;
        RecordRunEvent(node, "clock-skew", ("skew", DurationText.Format(skew)));
    }

    /// <summary>A node's incarnation ended: its system goes back to <see cref="NodeSystemPool"/> when the run is disposed.</summary>
    internal void Ended(NodeSystemLease lease) => _ended.Add(lease);

    public void Dispose()
    {
        foreach (var node in _nodes) node.Discard();
        _operator?.Shutdown(Ended);
        Kernel.RunUntilQuiescent();
        foreach (var lease in _ended) NodeSystemPool.Return(lease);
        _ended.Clear();
        Trace.Dispose();
        Kernel.Dispose();
    }
}
