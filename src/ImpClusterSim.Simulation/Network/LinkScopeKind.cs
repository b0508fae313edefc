namespace ImpClusterSim.Simulation.Network;

/// <summary>What a link model applies to (docs/network.md): every pair by default, one node pair, or every pair between two clusters.</summary>
public enum LinkScopeKind
{
    /// <summary>The default link between any two nodes.</summary>
    Default,
    /// <summary>The link from one node to another.</summary>
    NodePair,
    /// <summary>Every link from a node of one cluster to a node of another.</summary>
    ClusterPair,
}
