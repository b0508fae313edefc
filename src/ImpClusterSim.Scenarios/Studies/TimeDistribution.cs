using System.Collections.Immutable;

namespace ImpClusterSim.Scenarios.Studies;

/// <summary>
/// The distribution of a check's time-to-condition over many runs (virtual time after the check's anchor). A run in
/// which the condition never held by the horizon counts as a sample larger than every finite one ("never"), so a
/// percentile that falls among those runs is "never", not a flattering finite number.
/// Percentiles are exact order statistics (nearest rank: the p-th percentile is the ⌈p·n⌉-th smallest sample) and
/// are reported only when the sample resolves them: n ≥ 1/(1−p) samples, so that the percentile is not merely the
/// largest sample (p50 from 2 samples, p90 from 10, p95 from 20, p99 from 100).
/// </summary>
public sealed record TimeDistribution(ImmutableArray<TimeSpan> Held, int Never)
{
    /// <summary>The percentiles reported, as fractions.</summary>
    public static readonly ImmutableArray<double> Reported = [0.50, 0.90, 0.95, 0.99];

    /// <summary>How many runs: those where the condition held at some point, and those where it never did.</summary>
    public int Count => Held.Length + Never;

    /// <summary>The samples of the runs where the condition held, in ascending order; <paramref name="never"/> more never held.</summary>
    public static TimeDistribution Of(IEnumerable<TimeSpan?> samples)
    {
        var list = samples.ToList();
        return new TimeDistribution([.. list.Where(s => s is not null).Select(s => s!.Value).Order()], list.Count(s => s is null));
    }

    /// <summary>The fewest samples that resolve percentile <paramref name="p"/>: ⌈1/(1−p)⌉ (p99: 100).</summary>
    public static int SamplesToResolve(double p) => (int)Math.Ceiling(1 / (1 - p) - 1e-9);

    /// <summary>True when there are enough samples to report percentile <paramref name="p"/>.</summary>
    public bool Resolves(double p) => Count > 0 && Count >= SamplesToResolve(p);

    /// <summary>
    /// The exact nearest-rank percentile <paramref name="p"/> (0 &lt; p ≤ 1): the ⌈p·n⌉-th smallest sample; null means
    /// "never" (the rank falls among the runs where the condition never held). Computed whether or not the sample
    /// <see cref="Resolves"/> it.
    /// </summary>
    /// <exception cref="InvalidOperationException">There are no samples.</exception>
    public TimeSpan? Percentile(double p)
    {
        if (Count == 0) throw new InvalidOperationException("no samples");
        if (p is <= 0 or > 1) throw new ArgumentOutOfRangeException(nameof(p), p, "a percentile is in (0, 1]");
        var rank = Math.Max(1, (int)Math.Ceiling(p * Count - 1e-9));
        return rank <= Held.Length ? Held[rank - 1] : null;
    }

    /// <summary>The largest sample; null ("never") when any run never held.</summary>
    public TimeSpan? Max => Count == 0 ? throw new InvalidOperationException("no samples") : Never > 0 ? null : Held[^1];

    /// <summary>The smallest sample; null ("never") when no run held.</summary>
    public TimeSpan? Min => Held.IsEmpty ? null : Held[0];

    /// <summary>The share of runs in which the condition held within <paramref name="t"/> after the anchor (the CDF at t).</summary>
    public double ShareWithin(TimeSpan t)
    {
        if (Count == 0) return 0;
        var below = 0;
        foreach (var h in Held)
        {
            if (h > t) break;
            below++;
        }

        return (double)below / Count;
    }
}
