using System.Collections.Immutable;
using ImpClusterSim.Pki;

namespace ImpClusterSim.Node.Runtime;

/// <summary>
/// A TLS handshake between two nodes, reduced to what decides it: the chains each side presents, the host name the
/// client connected to, and both FIPS modes. A client without a certificate sends an empty chain (Certificate Import
/// Tool, AXL). <see cref="ConnectionId"/> lets the client match the answer.
/// </summary>
public sealed record TlsHello(long ConnectionId, string HostName, ImmutableArray<Certificate> ClientChain, bool ClientFips);

/// <summary>
/// The server's side: the chain it presents (the certificate its service loaded at start, then the CA certificates it
/// holds), its FIPS mode, and whether it accepted the client (mutual TLS on the SIP Proxy), with reasons if not.
/// </summary>
public sealed record TlsServerHello(
    long ConnectionId,
    ImmutableArray<Certificate> ServerChain,
    bool ServerFips,
    bool ClientAccepted,
    ImmutableArray<string> Reasons);

/// <summary>Well-known ports of the services a Certificate Import Tool or a peer connects to.</summary>
public static class ServicePorts
{
    public static string? ServiceAt(int port, Domain.Topology.NodeKind kind) => (port, kind) switch
    {
        (8443 or 443, _) => Domain.Services.ServiceNames.CiscoTomcat,
        (5061, Domain.Topology.NodeKind.Cucm) => Domain.Services.ServiceNames.CiscoCallManager,
        (5061 or 5062, Domain.Topology.NodeKind.Imp) => Domain.Services.ServiceNames.CiscoSipProxy,
        (5269, Domain.Topology.NodeKind.Imp) => Domain.Services.ServiceNames.CiscoXcpXmppFederationConnectionManager,
        (5222 or 7400, Domain.Topology.NodeKind.Imp) => Domain.Services.ServiceNames.CiscoXcpRouter,
        _ => null,
    };
}
