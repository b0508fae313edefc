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
