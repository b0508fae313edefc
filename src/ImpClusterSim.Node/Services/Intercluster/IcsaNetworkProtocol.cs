using System.Collections.Immutable;
using ImpClusterSim.Domain.Intercluster;
using ImpClusterSim.Pki;

namespace ImpClusterSim.Node.Runtime;

// What crosses the network between a Cisco Intercluster Sync Agent and a peer cluster's publisher (its Cisco Tomcat
// serving AXL, and its agent). Every message is an immutable record: it crosses ActorSystems by reference in sim mode
// and is serialized in live mode.

/// <summary>Intercluster sync (AXL over HTTPS) from a peer cluster's agent to this publisher's Cisco Tomcat.</summary>
public sealed record IcsaSyncRequest(long SyncId, string CallerNode, string AxlUsername, string AxlPassword);

/// <summary>
/// The answer: whether the sync is accepted, the Tomcat chain this node presents now, its FIPS mode, and the
/// certificates its cluster holds in tomcat-trust and cup-xmpp-trust (plus its cup-xmpp certificate).
/// </summary>
public sealed record IcsaSyncResponse(
    long SyncId,
    PeerReachability Reachability,
    ImmutableArray<Certificate> PresentedTomcatChain,
    bool Fips,
    ImmutableArray<Certificate> TomcatTrust,
    ImmutableArray<Certificate> CupXmppTrust,
    ImmutableArray<Certificate> CupXmppCertificates);

/// <summary>A peer cluster's agent restarted: sync from it now (docs/intercluster.md).</summary>
public sealed record IcsaAgentRestartedNotice(string FromNode);
