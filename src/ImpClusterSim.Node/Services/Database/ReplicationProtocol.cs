using System.Collections.Immutable;
using ImpClusterSim.Domain.Replication;

namespace ImpClusterSim.Node.Runtime;

/// <summary>
/// Intracluster database replication of trust certificates, between the platforms of one cluster over the network
/// (service "A Cisco DB Replicator"), spoken by each node's <see cref="Services.NodeDatabase"/>. Every message is immutable: it crosses ActorSystems by reference.
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

/// <summary>
/// Publisher to subscriber, answering a <see cref="PullTrustChanges"/> or pushing a change: one message, which arrives
/// (late, twice) or is lost whole. The subscriber applies the trust changes, then the settings, then takes the view.
/// </summary>
/// <param name="Trust">The changes of the cluster database after what the subscriber applied.</param>
/// <param name="Settings">The cluster's saved security settings.</param>
/// <param name="Cluster">The publisher's view of the cluster's replication, with an answer to a pull; null in a push.</param>
public sealed record ReplicaUpdate(TrustChanges Trust, SettingsReplica Settings, ClusterReplicationView? Cluster);

/// <summary>Changes of the cluster database, in order (in a <see cref="ReplicaUpdate"/>).</summary>
public sealed record TrustChanges(ImmutableArray<TrustChange> Changes, long PublisherLastSequence);

/// <summary>Subscriber to publisher: I have applied up to this sequence.</summary>
public sealed record ReplicationAck(long LastApplied, bool Fips);

/// <summary>The cluster's saved security settings at a version (newer versions replace older; in a <see cref="ReplicaUpdate"/>).</summary>
public sealed record SettingsReplica(long Version, Domain.Settings.SecuritySettings Settings);

/// <summary>
/// The replication state of every node of the cluster as the publisher sees it (whether it heard from the node
/// recently, and what it applied), in a <see cref="ReplicaUpdate"/> answering a pull, so that <c>utils dbreplication
/// runtimestate</c> on a subscriber lists every node.
/// </summary>
public sealed record ClusterReplicationView(ImmutableArray<ReplicaView> Nodes);

/// <summary>One node in a <see cref="ClusterReplicationView"/>.</summary>
public sealed record ReplicaView(string Node, bool Connected, long LastApplied);

/// <summary>
/// Subscriber to publisher, from the subscriber's Cisco Certificate Change Notification service: which trust
/// certificates that I deleted does another node of the cluster still hold? (TAC 211300; docs/certificates.md.)
/// </summary>
public sealed record CertificateChangeQuery
{
    public static readonly CertificateChangeQuery Instance = new();
}

/// <summary>Publisher to subscriber: the trust certificates to copy back (<see cref="Domain.Replication.TrustDeletion.ToCopyBack"/>).</summary>
public sealed record CertificateChangeCopyBack(ImmutableArray<Domain.Certificates.TrustCertificate> Certificates);
