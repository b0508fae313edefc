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

    /// <summary>
    /// The node an administrator's address names, as DNS would resolve it: its host name or FQDN (any case) or its
    /// IP address; null when no node of the deployment answers to it.
    /// </summary>
    public NodeSpec? Resolve(string address) => Deployment.Nodes.FirstOrDefault(n =>
        string.Equals(n.Name, address, StringComparison.OrdinalIgnoreCase)
        || string.Equals(n.Fqdn, address, StringComparison.OrdinalIgnoreCase)
        || n.IpAddress == address);

    /// <summary>The other nodes of this node's cluster.</summary>
    public IReadOnlyList<NodeSpec> ClusterPeers => Deployment.ClusterPeersOf(Node.Name).ToArray();
}
