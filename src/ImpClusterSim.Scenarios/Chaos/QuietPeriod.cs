using ImpClusterSim.Domain.Services;
using ImpClusterSim.Node.Runtime;

namespace ImpClusterSim.Scenarios.Chaos;

/// <summary>
/// How long after the last fault heals the deployment must have converged (the liveness check's wait), stated from the
/// timings of the run: a node's boot (its longest reboot plus its slowest service start) + the Intercluster Sync Agent's
/// periodic sync + its retry after a failure + the peer status panel's refresh + the subscribers' replication poll + the
/// longest replication delay, rounded up to a whole minute. With the defaults (docs/nodes.md): 10m + 4m30s + 30m + 5m + 1m
/// + 5m + 1m = 56m30s, so 57m.
/// </summary>
public static class QuietPeriod
{
    public static TimeSpan Of(RuntimeTimings timings, ServiceCatalogue catalogue)
    {
        var boot = timings.NodeReboot.Max + catalogue.Definitions.Max(d => d.StartDuration.Max);
        return Round(boot + timings.Icsa.PeriodicInterval + timings.Icsa.RetryAfterFailure + timings.Icsa.PanelRefresh
                     + timings.ReplicationPoll + timings.ReplicationDelay.Max);
    }

    /// <summary>Up to the next whole minute, so that it reads well in a scenario file.</summary>
    private static TimeSpan Round(TimeSpan t) => TimeSpan.FromMinutes(Math.Ceiling(t.TotalMinutes));
}
