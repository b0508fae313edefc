namespace ImpClusterSim.Simulation.Network;

public enum LinkScopeKind
{
    Default,
    NodePair,
    ClusterPair,
}
