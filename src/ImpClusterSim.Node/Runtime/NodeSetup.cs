using ImpClusterSim.Domain.Services;
using ImpClusterSim.Pki;
using ImpClusterSim.Domain.Topology;

namespace ImpClusterSim.Node.Runtime;

/// <summary>What a node is when it is installed: its place in the deployment and the catalogue of its services.</summary>
public sealed record NodeSetup(
    NodeSpec Node,
    Deployment Deployment,
    ServiceCatalogue Catalogue,
    NodeCertificateFactory CertificateFactory,
    RuntimeTimings Timings)
{
    public string Name => Node.Name;

    /// <summary>The publisher of this node's cluster (IM&amp;P or CUCM).</summary>
    public NodeSpec Publisher =>
        Deployment.ImpClusterOf(Node.Name)?.Publisher
        ?? Deployment.CucmClusters.First(c => c.Nodes.Any(n => n.Name == Node.Name)).Publisher;

    public bool IsPublisher => Node.IsPublisher;

    /// <summary>The IM&amp;P domains this node hosts (cup-xmpp-s2s carries them as SANs).</summary>
    public IReadOnlyList<string> HostedDomains =>
        Deployment.ImpClusterOf(Node.Name) is { } c ? [c.Domain] : [];

    /// <summary>The other nodes of this node's cluster.</summary>
    public IReadOnlyList<NodeSpec> ClusterPeers => Deployment.ClusterPeersOf(Node.Name).ToArray();
}
