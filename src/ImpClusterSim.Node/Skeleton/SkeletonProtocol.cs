namespace ImpClusterSim.Node.Skeleton;

/// <summary>Messages of the skeleton services (immutable: they cross ActorSystems by reference).</summary>
public sealed record ReplicationPing(long Sequence);

public sealed record ReplicationPong(long Sequence);

public sealed record PeerSyncRequest(string FromCluster, long Sequence);

public sealed record PeerSyncResponse(string Cluster, long Sequence);

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
