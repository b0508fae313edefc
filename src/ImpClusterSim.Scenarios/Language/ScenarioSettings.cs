using System.Collections.Immutable;
using ImpClusterSim.Domain.Services;
using ImpClusterSim.Pki;

namespace ImpClusterSim.Scenarios.Language;

/// <summary>The deployment's settings for the run; a null value means the model's default (docs/model.md).</summary>
/// <param name="TrustDeletion">Where a trust certificate deletion takes effect (<c>trust-deletion</c>: per-node, the 9.0(1)
/// default, or cluster, 11.0 and later; docs/certificates.md).</param>
public sealed record ScenarioSettings(Timings Timings, NetworkDefaults Network, KeyAlgorithm KeyAlgorithm,
    Domain.Replication.TrustDeletionScope TrustDeletion = Domain.Replication.TrustDeletionScope.PerNode)
{
    public static ScenarioSettings Default { get; } = new(Timings.Default, NetworkDefaults.Default, KeyAlgorithm.Rsa2048);
}

/// <summary>Timings; <see cref="Services"/> maps a service display name to its start and stop ranges.</summary>
public sealed record Timings(
    TimeSpan? IcsaInterval,
    TimeSpan? IcsaRetry,
    DurationRange? ReplicationDelay,
    TimeSpan? PeerStatusRefresh,
    ImmutableDictionary<string, ServiceTimings> Services,
    TimeSpan? CertificateChangeCheck = null)
{
    public static Timings Default { get; } = new(null, null, null, null, ImmutableDictionary<string, ServiceTimings>.Empty);
}

/// <summary>A service's start and stop durations (<c>timings.services.&lt;service&gt;.start/stop</c>): ranges of virtual time each start or stop draws from; null keeps the model's default (docs/model.md, "Durations").</summary>
public sealed record ServiceTimings(DurationRange? Start, DurationRange? Stop);

/// <summary>The default link between any two nodes.</summary>
public sealed record NetworkDefaults(DurationRange? Latency, string? Distribution, double? Loss, double? Duplication, double? Reorder)
{
    public static NetworkDefaults Default { get; } = new(null, null, null, null, null);
}
