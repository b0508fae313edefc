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

/// <summary>Publisher to subscriber: changes of the cluster database, in order.</summary>
public sealed record TrustChanges(ImmutableArray<TrustChange> Changes, long PublisherLastSequence);

/// <summary>Subscriber to publisher: I have applied up to this sequence.</summary>
public sealed record ReplicationAck(long LastApplied, bool Fips);

/// <summary>Publisher to subscriber: the cluster's saved security settings at a version (newer versions replace older).</summary>
public sealed record SettingsReplica(long Version, Domain.Settings.SecuritySettings Settings);

/// <summary>
/// Publisher to subscriber, with each answer: the replication state of every node of the cluster as the publisher
/// sees it (whether it heard from the node recently, and what it applied), so that <c>utils dbreplication
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
