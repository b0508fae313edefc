using System.Collections.Immutable;

namespace ImpClusterSim.Domain.Topology;

/// <summary>A CUCM cluster: one publisher and its subscribers, in file order.</summary>
public sealed record CucmCluster(string Name, ImmutableArray<NodeSpec> Nodes)
{
    public NodeSpec Publisher => Nodes.First(n => n.IsPublisher);

    public IEnumerable<NodeSpec> Subscribers => Nodes.Where(n => !n.IsPublisher);
}
