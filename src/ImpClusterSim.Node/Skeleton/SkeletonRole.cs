namespace ImpClusterSim.Node.Skeleton;

/// <summary>
/// Where a node stands in the deployment, as far as the skeleton services need it: its cluster, its publisher, the
/// other nodes of its cluster and the publishers of the peer clusters.
/// </summary>
public sealed record SkeletonRole(
    string NodeName,
    string Cluster,
    string Publisher,
    IReadOnlyList<string> ClusterNodes,
    IReadOnlyList<string> PeerPublishers)
{
    public bool IsPublisher => NodeName == Publisher;
}
