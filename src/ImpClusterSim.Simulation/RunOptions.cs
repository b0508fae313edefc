using ImpClusterSim.Domain.Time;
using ImpClusterSim.Simulation.Network;

namespace ImpClusterSim.Simulation;

/// <summary>What a run is made of before it starts: its seed, its start instant, its network and where its trace goes.</summary>
public sealed record RunOptions
{
    public ulong Seed { get; init; } = 1;

    public SimInstant Start { get; init; } = SimInstant.DefaultRunStart;

    /// <summary>The link model of every pair of nodes unless a fault or an override changes it.</summary>
    public LinkModel DefaultLink { get; init; } = LinkModel.Lan;

    /// <summary>The cluster of every node of the run (the network uses it for per-cluster links and partitions).</summary>
    public IReadOnlyDictionary<string, string> ClusterOfNode { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// The durable-store port each incarnation of a node gets over the node's <see cref="Nodes.SimDisk"/> (node name,
    /// disk) -> store; null: the disk itself. The seam through which a test plants a broken storage rule (a driver that
    /// acknowledges writes it has not made durable) and checks that chaos finds it.
    /// </summary>
    public Func<string, Node.Ports.IDurableStore, Node.Ports.IDurableStore>? DiskPort { get; init; }

    /// <summary>Where the trace lines are written (null: hashed only).</summary>
    public Stream? TraceOutput { get; init; }
}
