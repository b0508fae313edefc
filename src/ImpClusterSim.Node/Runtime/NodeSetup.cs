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
        Deployment.PublisherOf(Node.Name) ?? throw new InvalidOperationException($"node '{Node.Name}' is in no cluster of the deployment");

    public bool IsPublisher => Node.IsPublisher;

    /// <summary>The IM&amp;P domains this node hosts (cup-xmpp-s2s carries them as SANs).</summary>
    public IReadOnlyList<string> HostedDomains =>
        Deployment.ImpClusterOf(Node.Name) is { } c ? [c.Domain] : [];

    /// <summary>
    /// This node's resolver: whether a lookup of another node's host name fails or is slow (a fault of the environment;
    /// healthy by default). The simulation hands in its run's name-resolution faults.
    /// </summary>
    public Ports.IHostNameResolution HostNames { get; init; } = Ports.HealthyHostNameResolution.Instance;

    /// <summary>
    /// The node an administrator's address names, as DNS would resolve it from this node: its host name or FQDN (any
    /// case) or its IP address; null when no node of the deployment answers to it, or when this node's lookup of that
    /// host name fails (<see cref="HostNames"/>). An IP address needs no lookup.
    /// </summary>
    public NodeSpec? Resolve(string address) =>
        Lookup(address) is { } found && found.Resolution.Resolves ? found.Node : null;

    /// <summary>
    /// The node <paramref name="address"/> names and how this node's lookup of it goes: null when no node of the
    /// deployment answers to it; otherwise the node with <see cref="Ports.HostLookup"/> (fails, or resolves after a delay).
    /// </summary>
    public (NodeSpec Node, Ports.HostLookup Resolution)? Lookup(string address)
    {
        var node = Deployment.Nodes.FirstOrDefault(n =>
            string.Equals(n.Name, address, StringComparison.OrdinalIgnoreCase)
            || string.Equals(n.Fqdn, address, StringComparison.OrdinalIgnoreCase)
            || n.IpAddress == address);
        if (node is null) return null;
        return (node, node.IpAddress == address ? Ports.HostLookup.Healthy : HostNames.Lookup(Name, node.Name));
    }

    /// <summary>The other nodes of this node's cluster.</summary>
    /// <remarks>
    /// Read at every replication message: computed once per deployment and node name (a deployment is immutable), in a
    /// table outside the record so that record equality stays what it was.
    /// </remarks>
    public IReadOnlyList<NodeSpec> ClusterPeers =>
        PeersByDeployment.GetValue(Deployment, _ => new System.Collections.Concurrent.ConcurrentDictionary<string, NodeSpec[]>(StringComparer.Ordinal))
            .GetOrAdd(Node.Name, static (name, deployment) => [.. deployment.ClusterPeersOf(name)], Deployment);

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Deployment, System.Collections.Concurrent.ConcurrentDictionary<string, NodeSpec[]>> PeersByDeployment = new();
}
