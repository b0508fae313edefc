using System.Collections.Immutable;
using ImpClusterSim.Domain.Replication;

namespace ImpClusterSim.Node.Runtime;

/// <summary>
/// Intracluster database replication of trust certificates, between the platforms of one cluster over the network
/// (service "A Cisco DB Replicator"). Every message is immutable: it crosses ActorSystems by reference.
/// </summary>
public static class Replication
{
    public const string Service = "A Cisco DB Replicator";
}

/// <summary>Subscriber to publisher: local trust changes to record in the cluster database.</summary>
public sealed record ForwardTrustChanges(ImmutableArray<TrustChangeRequest> Requests);

/// <summary>Publisher to subscriber: your changes up to this origin sequence are recorded.</summary>
public sealed record TrustChangesAcknowledged(long UpTo);

/// <summary>Subscriber to publisher: send me the changes after this sequence.</summary>
public sealed record PullTrustChanges(long After);

/// <summary>Publisher to subscriber: changes of the cluster database, in order.</summary>
public sealed record TrustChanges(ImmutableArray<TrustChange> Changes, long PublisherLastSequence);

/// <summary>Subscriber to publisher: I have applied up to this sequence.</summary>
public sealed record ReplicationAck(long LastApplied, bool Fips);

/// <summary>Publisher to subscriber: the cluster's saved security settings at a version (newer versions replace older).</summary>
public sealed record SettingsReplica(long Version, Domain.Settings.SecuritySettings Settings);

/// <summary>Intercluster sync (AXL over HTTPS) from a peer cluster's agent to this publisher's Cisco Tomcat.</summary>
public sealed record IcsaSyncRequest(long SyncId, string CallerNode, string AxlUsername, string AxlPassword);

/// <summary>
/// The answer: whether the sync is accepted, the Tomcat chain this node presents now, its FIPS mode, and the
/// certificates its cluster holds in tomcat-trust and cup-xmpp-trust (plus its cup-xmpp certificate).
/// </summary>
public sealed record IcsaSyncResponse(
    long SyncId,
    Domain.Intercluster.PeerReachability Reachability,
    System.Collections.Immutable.ImmutableArray<Pki.Certificate> PresentedTomcatChain,
    bool Fips,
    System.Collections.Immutable.ImmutableArray<Pki.Certificate> TomcatTrust,
    System.Collections.Immutable.ImmutableArray<Pki.Certificate> CupXmppTrust,
    System.Collections.Immutable.ImmutableArray<Pki.Certificate> CupXmppCertificates);

/// <summary>A peer cluster's agent restarted: sync from it now (docs/intercluster.md).</summary>
public sealed record IcsaAgentRestartedNotice(string FromNode);
