namespace ImpClusterSim.Domain.Topology;

/// <summary>A node's role in its cluster: the (database) publisher, installed first, or a subscriber.</summary>
public enum NodeRole
{
    Publisher,
    Subscriber,
}
