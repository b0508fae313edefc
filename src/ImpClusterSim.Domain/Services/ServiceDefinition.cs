using System.Collections.Immutable;
using ImpClusterSim.Domain.Topology;

namespace ImpClusterSim.Domain.Services;

/// <summary>
/// One service of the catalogue. <see cref="PresentsCertificate"/> is the certificate unit the service presents to
/// TLS peers (loaded at its start; null for pure clients); <see cref="ReadsTrustStores"/> are the trust stores it
/// validates peers against. <see cref="StopsAndStartsWithXcpRouter"/> marks the XCP services that the Cisco XCP
/// Router takes down with it and, on a restart (not a stop then start), brings back.
/// </summary>
public sealed record ServiceDefinition(
    string Name,
    NodeKind Product,
    ServiceCategory Category,
    ServicePlacement Placement,
    string? PresentsCertificate,
    ImmutableArray<string> ReadsTrustStores,
    DurationRange StartDuration,
    DurationRange StopDuration,
    bool StopsAndStartsWithXcpRouter = false)
{
    public bool RunsOn(NodeSpec node) =>
        node.Kind == Product && Placement switch
        {
            ServicePlacement.AllNodes => true,
            ServicePlacement.PublisherOnly => node.IsPublisher,
            ServicePlacement.FederationNodesOnly => node.IsFederation,
            ServicePlacement.TftpNodesOnly => node.HasTftp,
            _ => false,
        };
}
