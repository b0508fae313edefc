using System.Collections.Immutable;

namespace ImpClusterSim.Domain.Topology;

/// <summary>
/// An IM&amp;P cluster: a database publisher and up to five subscribers (six nodes at most, 9.0(1)), grouped in
/// subclusters of one or two nodes. <see cref="CucmCluster"/> names the CUCM cluster it belongs to;
/// <see cref="Domain"/> is its IM&amp;P domain (e.g. a.example.com).
/// </summary>
public sealed record ImpCluster(
    string Name,
    string CucmCluster,
    string Domain,
    ImmutableArray<NodeSpec> Nodes,
    ImmutableArray<Subcluster> Subclusters)
{
    public const int MaxNodes = 6;
    public const int MaxSubclusterSize = 2;

    public NodeSpec Publisher => Nodes.First(n => n.IsPublisher);

    public IEnumerable<NodeSpec> Subscribers => Nodes.Where(n => !n.IsPublisher);

    public IEnumerable<NodeSpec> FederationNodes => Nodes.Where(n => n.IsFederation);
}
