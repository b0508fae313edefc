using System.Collections.Immutable;
using ImpClusterSim.Domain.Topology;
using static ImpClusterSim.Domain.Services.ServiceNames;

namespace ImpClusterSim.Domain.Services;

/// <summary>
/// The services the simulator models, in Serviceability's display order, with their default durations
/// (docs/domain.md; model.md "Durations": a restart takes stop + start).
/// </summary>
public sealed class ServiceCatalogue
{
    private ServiceCatalogue(ImmutableArray<ServiceDefinition> definitions) => Definitions = definitions;

    public ImmutableArray<ServiceDefinition> Definitions { get; }

    public static ServiceCatalogue Default { get; } = new(
    [
        Define(CiscoTomcat, NodeKind.Imp, ServiceCategory.Network, ServicePlacement.AllNodes, "tomcat", ["tomcat-trust"], "50s-4m30s", "10s-30s"),
        Define(CiscoXcpRouter, NodeKind.Imp, ServiceCategory.Network, ServicePlacement.AllNodes, "cup-xmpp", ["cup-xmpp-trust"], "50s-2m30s", "10s-30s"),
        Define(CiscoInterclusterSyncAgent, NodeKind.Imp, ServiceCategory.Network, ServicePlacement.AllNodes, null, ["tomcat-trust"], "8s-25s", "2s-5s"),
        Define(CiscoSyncAgent, NodeKind.Imp, ServiceCategory.Network, ServicePlacement.PublisherOnly, null, ["tomcat-trust"], "15s-50s", "5s-10s"),
        // Keeps the node's certificate files in step with the cluster database; in 9.0(1) it copies back a trust
        // certificate deleted on this node while another node still holds it (TAC 211300; docs/certificates.md).
        Define(CiscoCertificateChangeNotification, NodeKind.Imp, ServiceCategory.Network, ServicePlacement.AllNodes, null, [], "5s-20s", "2s-5s"),
        Define(CiscoSipProxy, NodeKind.Imp, ServiceCategory.Feature, ServicePlacement.AllNodes, "cup", ["cup-trust"], "15s-50s", "5s-10s"),
        Define(CiscoPresenceEngine, NodeKind.Imp, ServiceCategory.Feature, ServicePlacement.AllNodes, "cup", ["cup-trust"], "15s-50s", "5s-10s"),
        Define(CiscoXcpConnectionManager, NodeKind.Imp, ServiceCategory.Feature, ServicePlacement.AllNodes, "cup-xmpp", ["cup-xmpp-trust"], "15s-50s", "5s-10s", xcp: true),
        Define(CiscoXcpWebConnectionManager, NodeKind.Imp, ServiceCategory.Feature, ServicePlacement.AllNodes, "cup-xmpp", ["cup-xmpp-trust"], "15s-50s", "5s-10s", xcp: true),
        Define(CiscoXcpXmppFederationConnectionManager, NodeKind.Imp, ServiceCategory.Feature, ServicePlacement.FederationNodesOnly, "cup-xmpp-s2s", ["cup-xmpp-trust"], "15s-50s", "5s-10s", xcp: true),
        Define(CiscoAxlWebService, NodeKind.Imp, ServiceCategory.Feature, ServicePlacement.AllNodes, "tomcat", ["tomcat-trust"], "15s-50s", "5s-10s"),
        Define(CiscoTomcat, NodeKind.Cucm, ServiceCategory.Network, ServicePlacement.AllNodes, "tomcat", ["tomcat-trust"], "50s-4m30s", "10s-30s"),
        Define(CiscoCertificateChangeNotification, NodeKind.Cucm, ServiceCategory.Network, ServicePlacement.AllNodes, null, [], "5s-20s", "2s-5s"),
        Define(CiscoCallManager, NodeKind.Cucm, ServiceCategory.Feature, ServicePlacement.AllNodes, "CallManager", ["CallManager-trust"], "50s-2m30s", "10s-30s"),
        // TFTP serves the tomcat certificate it cached at its start (domain facts 6.6): it must restart after a tomcat change.
        Define(CiscoTftp, NodeKind.Cucm, ServiceCategory.Feature, ServicePlacement.TftpNodesOnly, "tomcat", [], "15s-50s", "5s-10s"),
    ]);

    /// <summary>The definition of <paramref name="name"/> for a product, matching the name case-insensitively.</summary>
    public ServiceDefinition? Find(string name, NodeKind product) =>
        Definitions.FirstOrDefault(d => d.Product == product && string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The services that run on <paramref name="node"/>, in display order.</summary>
    public ImmutableArray<ServiceDefinition> ForNode(NodeSpec node) => [.. Definitions.Where(d => d.RunsOn(node))];

    /// <summary>The services of a product that present <paramref name="certificateUnit"/> (to restart after it changes).</summary>
    public ImmutableArray<ServiceDefinition> Presenting(string certificateUnit, NodeKind product) =>
        [.. Definitions.Where(d => d.Product == product && d.PresentsCertificate == certificateUnit)];

    /// <summary>A copy with other start and stop ranges for one service (both products if the name exists on both).</summary>
    public ServiceCatalogue WithDurations(string name, DurationRange start, DurationRange stop)
    {
        if (!Definitions.Any(d => d.Name == name)) throw new ArgumentException($"unknown service '{name}'", nameof(name));
        return new([.. Definitions.Select(d => d.Name == name ? d with { StartDuration = start, StopDuration = stop } : d)]);
    }

    private static ServiceDefinition Define(
        string name, NodeKind product, ServiceCategory category, ServicePlacement placement, string? presents,
        ImmutableArray<string> trust, string start, string stop, bool xcp = false) =>
        new(name, product, category, placement, presents, trust, DurationRange.Parse(start), DurationRange.Parse(stop), xcp);
}
