using System.Collections.Immutable;
using ImpClusterSim.Domain.Services;
using ImpClusterSim.Pki;

namespace ImpClusterSim.Scenarios.Language;

/// <summary>The deployment's settings for the run; a null value means the model's default (docs/model.md).</summary>
public sealed record ScenarioSettings(Timings Timings, NetworkDefaults Network, KeyAlgorithm KeyAlgorithm)
{
    public static ScenarioSettings Default { get; } = new(Timings.Default, NetworkDefaults.Default, KeyAlgorithm.Rsa2048);
}

/// <summary>Timings; <see cref="Services"/> maps a service display name to its start and stop ranges.</summary>
public sealed record Timings(
    TimeSpan? IcsaInterval,
    TimeSpan? IcsaRetry,
    DurationRange? ReplicationDelay,
    TimeSpan? PeerStatusRefresh,
    ImmutableDictionary<string, ServiceTimings> Services)
{
    public static Timings Default { get; } = new(null, null, null, null, ImmutableDictionary<string, ServiceTimings>.Empty);
}

public sealed record ServiceTimings(DurationRange? Start, DurationRange? Stop);

/// <summary>The default link between any two nodes.</summary>
public sealed record NetworkDefaults(DurationRange? Latency, string? Distribution, double? Loss, double? Duplication, double? Reorder)
{
    public static NetworkDefaults Default { get; } = new(null, null, null, null, null);
}
