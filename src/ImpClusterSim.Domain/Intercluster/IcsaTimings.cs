namespace ImpClusterSim.Domain.Intercluster;

/// <summary>
/// The Cisco Intercluster Sync Agent's timings, all configurable. Defaults and their sources (docs/intercluster.md):
/// periodic sync 30 min (inferred, domain facts §1.7.1: no source states the interval); retry after a failed sync
/// 5 min ("ICSA will retry every 5 minutes", §1.4.9); Inter-cluster Peer Status panel refresh 60 s ("Allow 60
/// seconds for the Inter-cluster Peer Status panel to auto-refresh", the guide).
/// </summary>
public sealed record IcsaTimings(TimeSpan PeriodicInterval, TimeSpan RetryAfterFailure, TimeSpan PanelRefresh)
{
    public static IcsaTimings Default { get; } = new(TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(60));

    /// <summary>
    /// How long after the faults heal (with no further changes) every TLS peer pair whose certificates allow it must
    /// show "Connection is secure" on the panel: the next sync is at most one periodic interval away (last sync
    /// succeeded) or one retry away (last sync failed); a sync that started just before the heal and failed adds
    /// one retry; the panel then needs up to one refresh to show it. Assumes a sync attempt itself is short next to
    /// these intervals.
    /// </summary>
    public TimeSpan ConvergenceBound => PeriodicInterval + RetryAfterFailure + PanelRefresh;
}
