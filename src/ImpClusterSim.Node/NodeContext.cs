using ImpClusterSim.Node.Ports;

namespace ImpClusterSim.Node;

/// <summary>
/// Everything a node's actors may touch outside themselves: its clock, network, disk, random streams and trace.
/// The simulation (and, later, live mode) provides these ports; the actors do not know which one runs them.
/// <see cref="Clock"/> is the node's own clock (skew included): certificate validity and timestamps read it.
/// <see cref="RunClock"/> is the run's time, the same for every node: the trace and what people watch (the peer status
/// panel refreshing in the administrator's browser) read it.
/// </summary>
public sealed record NodeContext(
    string NodeName,
    INodeClock Clock,
    INodeClock RunClock,
    INodeNetwork Network,
    IDurableStore Disk,
    Func<string, IRandomSource> Random,
    ITraceSink Trace)
{
    /// <summary>The change counters of this incarnation's views (certificates, peer states, FIPS): <see cref="NodeStateViews"/>.</summary>
    public NodeStateViews Views { get; } = new();

    /// <summary>
    /// This incarnation's routing of network messages to its services (<see cref="Runtime.ServiceRoutes"/>), which the
    /// node's Service Manager keeps; not <see cref="Runtime.ServiceRoutes.Ready"/> on a node without one.
    /// </summary>
    public Runtime.ServiceRoutes Routes { get; } = new();

    /// <summary>Records a trace event for this node from the actor at <paramref name="path"/>.</summary>
    public void Record(string path, string @event, params (string Key, string Value)[] details) =>
        Trace.Record(new TraceEvent(RunClock.Now, NodeName, path, @event,
            details.Length == 0 ? TraceEvent.NoDetails : details.Select(d => KeyValuePair.Create(d.Key, d.Value)).ToArray()));
}
