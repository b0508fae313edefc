using System.Collections.Immutable;
using ImpClusterSim.Domain.Topology;
using static ImpClusterSim.Domain.Services.ServiceNames;

namespace ImpClusterSim.Domain.Certificates;

/// <summary>
/// The services to restart after a certificate or trust store changes (domain facts §3.1.3, §6.6; the seed).
/// cup-xmpp names the Cisco XCP Router as the seed does (its restart restarts the connection managers, §3.1.4).
/// </summary>
public static class RestartAdvice
{
    public static ImmutableArray<string> ForOwnCertificate(string unit, NodeKind kind, bool hasTftp = false) => unit.ToLowerInvariant() switch
    {
        "tomcat" when kind == NodeKind.Cucm && hasTftp => [CiscoTomcat, CiscoTftp],
        "tomcat" => [CiscoTomcat],
        "cup" => [CiscoSipProxy, CiscoPresenceEngine],
        "cup-xmpp" => [CiscoXcpRouter],
        "cup-xmpp-s2s" => [CiscoXcpXmppFederationConnectionManager],
        "callmanager" => [CiscoCallManager],
        _ => [],
    };

    public static ImmutableArray<string> ForTrustStore(string store) => store.ToLowerInvariant() switch
    {
        "tomcat-trust" => [CiscoTomcat],
        "cup-trust" => [CiscoSipProxy, CiscoPresenceEngine],
        "cup-xmpp-trust" => [CiscoXcpConnectionManager, CiscoXcpWebConnectionManager, CiscoXcpXmppFederationConnectionManager],
        "callmanager-trust" => [CiscoCallManager],
        _ => [],
    };
}
