using ImpClusterSim.Domain.Services;

namespace ImpClusterSim.Node.Runtime;

/// <summary>
/// Timings of the platform that no source states, each configurable (docs/nodes.md gives the basis of each default).
/// </summary>
public sealed record RuntimeTimings
{
    /// <summary>From a trust change recorded on the publisher to its arrival on a subscriber (inferred: model.md).</summary>
    public DurationRange ReplicationDelay { get; init; } = DurationRange.Of("5s", "60s");

    /// <summary>How often a subscriber asks the publisher what it lacks (catch-up after being down or cut off).</summary>
    public TimeSpan ReplicationPoll { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>From a reboot (FIPS toggle, restart of a halted node, recovery) to the platform up; then the services start.</summary>
    public DurationRange NodeReboot { get; init; } = DurationRange.Of("5m", "10m");

    /// <summary>The Intercluster Sync Agent's timings (domain facts §1.7, docs/intercluster.md).</summary>
    public Domain.Intercluster.IcsaTimings Icsa { get; init; } = Domain.Intercluster.IcsaTimings.Default;

    /// <summary>How long a sync waits for the peer's AXL answer before the peer is "Not reachable".</summary>
    public TimeSpan IcsaRequestTimeout { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Where a trust certificate deletion takes effect: on the node only (9.0(1), the default) or cluster-wide (11.0
    /// and later). Cisco TAC document 211300; docs/certificates.md "Deleting a trust certificate".
    /// </summary>
    public Domain.Replication.TrustDeletionScope TrustDeletion { get; init; } = Domain.Replication.TrustDeletionScope.PerNode;

    /// <summary>
    /// How often a node's Cisco Certificate Change Notification service compares the node's trust stores with the
    /// cluster database (virtual time; not published by Cisco: chosen, and each node's phase is drawn from the seed).
    /// </summary>
    public TimeSpan CertificateChangeCheck { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>A subscriber whose last answer from the publisher is older than this shows as not connected.</summary>
    public TimeSpan ReplicationStale => ReplicationPoll * 2 + TimeSpan.FromMinutes(1);
}
