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

    /// <summary>A subscriber whose last answer from the publisher is older than this shows as not connected.</summary>
    public TimeSpan ReplicationStale => ReplicationPoll * 2 + TimeSpan.FromMinutes(1);
}
