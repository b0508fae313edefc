using ImpClusterSim.Domain.Services;
using ImpClusterSim.Domain.Topology;

namespace ImpClusterSim.Node.Runtime;

/// <summary>What a node is when it is installed: its place in the deployment and the catalogue of its services.</summary>
public sealed record NodeSetup(NodeSpec Node, Deployment Deployment, ServiceCatalogue Catalogue)
{
    public string Name => Node.Name;

    /// <summary>The publisher of this node's cluster (IM&amp;P or CUCM).</summary>
    public NodeSpec Publisher =>
        Deployment.ImpClusterOf(Node.Name)?.Publisher
        ?? Deployment.CucmClusters.First(c => c.Nodes.Any(n => n.Name == Node.Name)).Publisher;

    public bool IsPublisher => Node.IsPublisher;

    /// <summary>The other nodes of this node's cluster.</summary>
    public IReadOnlyList<NodeSpec> ClusterPeers => Deployment.ClusterPeersOf(Node.Name).ToArray();
}
