namespace ImpClusterSim.Simulation.Network;

/// <summary>Which way a partition cuts (docs/network.md).</summary>
public enum PartitionDirection
{
    /// <summary>Nothing passes between the two sides, in either direction.</summary>
    BothWays,

    /// <summary>Messages from side A to side B are dropped; B to A still pass (an asymmetric firewall rule).</summary>
    OneWay,
}
