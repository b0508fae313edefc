using System.Collections.Immutable;

namespace ImpClusterSim.Scenarios.Chaos;

/// <summary>
/// What a chaos experiment may generate: the fault kinds it draws from (<c>--faults</c>, default all of
/// <see cref="ChaosFaultKinds.All"/>) and an intensity multiplier on every kind's expected number of faults
/// (<c>--intensity</c>, 0.1 to 10, default 1).
/// </summary>
public sealed record ChaosProfile
{
    public const double MinIntensity = 0.1;
    public const double MaxIntensity = 10;

    public ImmutableArray<string> Kinds { get; init; } = ChaosFaultKinds.All;

    public double Intensity { get; init; } = 1;

    public static ChaosProfile Default { get; } = new();
}
