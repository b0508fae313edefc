using System.Collections.Immutable;
using ImpClusterSim.Pki;

namespace ImpClusterSim.Domain.Intercluster;

/// <summary>
/// Everything one sync attempt from the local agent to a peer observed, gathered by the actor: the network answer,
/// the chain the peer's Cisco Tomcat presents now (leaf first, then any intermediates it sends), the local
/// publisher's tomcat-trust and cup-xmpp-trust, both sides' FIPS modes, whether the administrator asked "Also
/// resync peer's Tomcat certificates", the CA certificates the peer's cluster holds in its tomcat-trust and
/// cup-xmpp-trust, and (XMPP router-to-router secure mode) its cup-xmpp certificates.
/// </summary>
public sealed record SyncAttempt(
    PeerReachability Reachability,
    ImmutableArray<Certificate> PresentedTomcatChain,
    TrustStore LocalTomcatTrust,
    TrustStore LocalCupXmppTrust,
    bool LocalFips,
    bool PeerFips)
{
    /// <summary>Force Manual Sync with "Also resync peer's Tomcat certificates" checked.</summary>
    public bool ResyncTomcat { get; init; }

    /// <summary>Certificates in the peer cluster's tomcat-trust (only the CA certificates among them are pulled).</summary>
    public ImmutableArray<Certificate> PeerTomcatTrust { get; init; } = [];

    /// <summary>Certificates in the peer cluster's cup-xmpp-trust (only the CA certificates among them are pulled).</summary>
    public ImmutableArray<Certificate> PeerCupXmppTrust { get; init; } = [];

    /// <summary>The peer's nodes' cup-xmpp certificates, pulled into cup-xmpp-trust when router-to-router secure mode is on.</summary>
    public ImmutableArray<Certificate> PeerCupXmppCertificates { get; init; } = [];

    /// <summary>XMPP router-to-router secure mode (domain facts §8): XMPP certificates replicate across clusters as XMPP trust.</summary>
    public bool RouterToRouterSecure { get; init; }

    /// <summary>The number of users on the peer cluster ("Associated Users"), when the peer gave it.</summary>
    public int? AssociatedUsers { get; init; }

    /// <summary>False while the local Cisco Sync Agent has not finished its CUCM user sync: the peer shows "Failed" (§1.1.9).</summary>
    public bool LocalUserSyncComplete { get; init; } = true;

    /// <summary>
    /// The FQDN the peer address resolves to, which the presented leaf must name (the actor resolves it from the
    /// topology, as DNS would); null skips the name check.
    /// </summary>
    public string? HostName { get; init; }
}
