using System.Collections.Immutable;
using System.Runtime.CompilerServices;

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

    public NodeSpec? FindNode(string name) => Index.Nodes.GetValueOrDefault(name);

    public NodeSpec Node(string name) =>
        FindNode(name) ?? throw new KeyNotFoundException($"no node named '{name}' in the topology");

    public ImpCluster ImpCluster(string name) =>
        Index.ImpClusters.GetValueOrDefault(name) ?? throw new KeyNotFoundException($"no IM&P cluster named '{name}'");

    public CucmCluster CucmCluster(string name) =>
        CucmClusters.FirstOrDefault(c => c.Name == name) ?? throw new KeyNotFoundException($"no CUCM cluster named '{name}'");

    /// <summary>The IM&amp;P cluster a node belongs to, or null for a CUCM node or an unknown name.</summary>
    public ImpCluster? ImpClusterOf(string nodeName) => Index.ImpClusterOfNode.GetValueOrDefault(nodeName);

    /// <summary>The publisher of the node's cluster (CUCM or IM&amp;P), or null for an unknown name.</summary>
    public NodeSpec? PublisherOf(string nodeName) => Index.PublisherOfNode.GetValueOrDefault(nodeName);

    // Look-ups by name, built once per deployment (it is immutable) and kept outside the record, so that they take no
    // part in its equality. The first of equal names wins, as the linear searches they replace did.
    private static readonly ConditionalWeakTable<Deployment, DeploymentIndex> Indexes = new();

    private DeploymentIndex Index => Indexes.GetValue(this, d => new DeploymentIndex(d));

    private sealed class DeploymentIndex
    {
        public readonly Dictionary<string, NodeSpec> Nodes = new(StringComparer.Ordinal);
        public readonly Dictionary<string, ImpCluster> ImpClusters = new(StringComparer.Ordinal);
        public readonly Dictionary<string, ImpCluster> ImpClusterOfNode = new(StringComparer.Ordinal);
        public readonly Dictionary<string, NodeSpec> PublisherOfNode = new(StringComparer.Ordinal);

        public DeploymentIndex(Deployment d)
        {
            foreach (var node in d.Nodes) Nodes.TryAdd(node.Name, node);
            foreach (var c in d.ImpClusters)
            {
                ImpClusters.TryAdd(c.Name, c);
                foreach (var n in c.Nodes) ImpClusterOfNode.TryAdd(n.Name, c);
            }
            foreach (var c in d.ImpClusters.Where(c => c.Nodes.Any(n => n.IsPublisher)))
            foreach (var n in c.Nodes) PublisherOfNode.TryAdd(n.Name, c.Publisher);
            foreach (var c in d.CucmClusters.Where(c => c.Nodes.Any(n => n.IsPublisher)))
            foreach (var n in c.Nodes) PublisherOfNode.TryAdd(n.Name, c.Publisher);
        }
    }

    /// <summary>The other nodes of the node's cluster (CUCM or IM&amp;P), in file order.</summary>
    public IEnumerable<NodeSpec> ClusterPeersOf(string nodeName)
    {
        var node = Node(nodeName);
        var members = node.IsImp ? ImpCluster(node.Cluster).Nodes : CucmCluster(node.Cluster).Nodes;
        return members.Where(n => n.Name != nodeName);
    }
}
