namespace ImpClusterSim.Domain.Intercluster;

/// <summary>What adding or deleting an intercluster peer did (Presence &gt; Inter-Clustering).</summary>
public enum PeerConfigOutcome
{
    /// <summary>The peer was added.</summary>
    Added,
    /// <summary>The peer was deleted.</summary>
    Deleted,
    /// <summary>The peer address is already configured: nothing changed, alarm InterclusterSyncAgentPeerDuplicate.</summary>
    Duplicate,
    /// <summary>No such peer to delete: nothing changed.</summary>
    NotFound,
    /// <summary>Refused (no peer address, or the cluster's own publisher): nothing changed.</summary>
    Refused,
}

/// <summary>The result of adding or deleting a peer: the list after it, what happened, the message shown, an alarm if any.</summary>
public sealed record PeerConfigChange(InterclusterPeers Peers, PeerConfigOutcome Outcome, string Message, IcsaAlarm? Alarm)
{
    public bool Changed => Outcome is PeerConfigOutcome.Added or PeerConfigOutcome.Deleted;
}
