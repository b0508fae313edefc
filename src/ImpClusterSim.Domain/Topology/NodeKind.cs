namespace ImpClusterSim.Domain.Topology;

/// <summary>The product a node runs: Cisco Unified Communications Manager or IM and Presence Service.</summary>
public enum NodeKind
{
    Cucm,
    Imp,
}
