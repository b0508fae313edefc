namespace ImpClusterSim.Domain.Intercluster;

public enum PeerConfigOutcome
{
    Added,
    Deleted,
    Duplicate,
    NotFound,
    Refused,
}

/// <summary>The result of adding or deleting a peer: the list after it, what happened, the message shown, an alarm if any.</summary>
public sealed record PeerConfigChange(InterclusterPeers Peers, PeerConfigOutcome Outcome, string Message, IcsaAlarm? Alarm)
{
    public bool Changed => Outcome is PeerConfigOutcome.Added or PeerConfigOutcome.Deleted;
}
