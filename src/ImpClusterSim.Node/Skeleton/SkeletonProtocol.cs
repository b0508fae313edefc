namespace ImpClusterSim.Node.Skeleton;

/// <summary>Messages of the skeleton services (immutable: they cross ActorSystems by reference).</summary>
public sealed record ReplicationPing(long Sequence);

/// <summary>The publisher's answer to <see cref="ReplicationPing"/> with the same sequence number.</summary>
public sealed record ReplicationPong(long Sequence);

/// <summary>A peer publisher's sync request from cluster <c>FromCluster</c>.</summary>
public sealed record PeerSyncRequest(string FromCluster, long Sequence);

/// <summary>The answer to <see cref="PeerSyncRequest"/>, from cluster <c>Cluster</c>.</summary>
public sealed record PeerSyncResponse(string Cluster, long Sequence);

/// <summary>A presence update the skeleton Presence Engine publishes to a node of its cluster every 20 seconds.</summary>
public sealed record PresenceUpdate(string User, long Sequence);

/// <summary>The durable record of the intercluster skeleton: syncs that succeeded, per peer, and when.</summary>
public sealed record PeerSyncLedger(IReadOnlyDictionary<string, long> SuccessfulSyncs)
{
    public static readonly PeerSyncLedger Empty = new(new SortedDictionary<string, long>(StringComparer.Ordinal));

    public PeerSyncLedger Count(string peer)
    {
        var next = new SortedDictionary<string, long>(SuccessfulSyncs.ToDictionary(), StringComparer.Ordinal);
        next[peer] = next.GetValueOrDefault(peer) + 1;
        return new PeerSyncLedger(next);
    }
}
