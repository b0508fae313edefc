using System.Collections.Immutable;

namespace ImpClusterSim.Domain.Topology;

/// <summary>
/// A whole deployment: CUCM clusters and IM&amp;P clusters, in file order. Built only by <see cref="TopologyLoader"/>,
/// which guarantees the invariants (unique names, FQDNs and addresses; one publisher per cluster; and so on).
/// </summary>
public sealed record Deployment(ImmutableArray<CucmCluster> CucmClusters, ImmutableArray<ImpCluster> ImpClusters)
{
    /// <summary>Every node: CUCM clusters first, then IM&amp;P clusters, each in file order.</summary>
    public IEnumerable<NodeSpec> Nodes => CucmClusters.SelectMany(c => c.Nodes).Concat(ImpClusters.SelectMany(c => c.Nodes));

    /// <summary>The built-in default deployment (configs/topologies/default.yaml, embedded): 20 nodes.</summary>
    public static Deployment LoadDefault() => TopologyLoader.LoadDefault();

    public NodeSpec? FindNode(string name) => Nodes.FirstOrDefault(n => n.Name == name);

    public NodeSpec Node(string name) =>
        FindNode(name) ?? throw new KeyNotFoundException($"no node named '{name}' in the topology");

    public ImpCluster ImpCluster(string name) =>
        ImpClusters.FirstOrDefault(c => c.Name == name) ?? throw new KeyNotFoundException($"no IM&P cluster named '{name}'");

    public CucmCluster CucmCluster(string name) =>
        CucmClusters.FirstOrDefault(c => c.Name == name) ?? throw new KeyNotFoundException($"no CUCM cluster named '{name}'");

    /// <summary>The IM&amp;P cluster a node belongs to, or null for a CUCM node or an unknown name.</summary>
    public ImpCluster? ImpClusterOf(string nodeName) => ImpClusters.FirstOrDefault(c => c.Nodes.Any(n => n.Name == nodeName));

    /// <summary>The other nodes of the node's cluster (CUCM or IM&amp;P), in file order.</summary>
    public IEnumerable<NodeSpec> ClusterPeersOf(string nodeName)
    {
        var node = Node(nodeName);
        var members = node.IsImp ? ImpCluster(node.Cluster).Nodes : CucmCluster(node.Cluster).Nodes;
        return members.Where(n => n.Name != nodeName);
    }
}
