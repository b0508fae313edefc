using System.Collections.Immutable;
using ImpClusterSim.Pki;

namespace ImpClusterSim.Domain.Tls;

/// <summary>
/// Everything that decides a TLS connection (model.md "Certificates a node presents"): the client's trust store,
/// the chain the server presents (leaf plus the intermediates it holds), the host name the client connected to,
/// the client's own clock, and both nodes' FIPS modes.
/// </summary>
public sealed record TlsConnectionAttempt(
    TrustStore ClientTrust,
    Certificate ServerLeaf,
    ImmutableArray<Certificate> ServerIntermediates,
    string HostName,
    DateTime ClientClock,
    bool ClientFips,
    bool ServerFips);
