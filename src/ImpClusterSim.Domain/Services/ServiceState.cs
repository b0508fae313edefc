namespace ImpClusterSim.Domain.Services;

/// <summary>
/// One service's state on one node. <see cref="Epoch"/> grows with every transition so that a completion scheduled
/// for an earlier transition is recognised as stale. While <see cref="Status"/> is Stopping, <see cref="Reason"/> is
/// the reason it will show once stopped. <see cref="WaitingForReplication"/>: its start is done but the Cisco
/// Replication Watcher holds it Starting until IDS replication with the publisher is established.
/// </summary>
public sealed record ServiceState(
    string Name,
    ServiceStatus Status,
    StoppedReason Reason = StoppedReason.None,
    long Epoch = 0,
    bool StartWhenStopped = false,
    bool WaitingForXcpRouter = false,
    bool WaitingForReplication = false)
{
    public bool IsActivated => Reason != StoppedReason.NotActivated;

    /// <summary>Started or on its way there: what "active" means for the XCP Router restart rule.</summary>
    public bool IsActive => Status is ServiceStatus.Started or ServiceStatus.Starting;

    /// <summary>The text shown after a stopped service in <c>utils service list</c>, or empty.</summary>
    public string ReasonText => Status != ServiceStatus.Stopped ? "" : Reason switch
    {
        StoppedReason.NotActivated => "Service Not Activated",
        StoppedReason.CommandedOutOfService => "Commanded Out of Service",
        StoppedReason.NotRunning => "Component is not running",
        _ => "",
    };
}
