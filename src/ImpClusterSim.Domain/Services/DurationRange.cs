using ImpClusterSim.Domain.Time;

namespace ImpClusterSim.Domain.Services;

/// <summary>A closed range of durations from which a start or stop time is drawn with the run's seeded source.</summary>
public sealed record DurationRange
{
    public DurationRange(TimeSpan min, TimeSpan max)
    {
        if (min < TimeSpan.Zero || max < min)
            throw new ArgumentException($"invalid duration range {DurationText.Format(min)}-{DurationText.Format(max)}");
        Min = min;
        Max = max;
    }

    public TimeSpan Min { get; }

    public TimeSpan Max { get; }

    public static DurationRange Of(string min, string max) => new(DurationText.Parse(min), DurationText.Parse(max));

    /// <summary>Parses "20s-1m" or a single "30s" (a fixed duration).</summary>
    public static DurationRange Parse(string text)
    {
        var parts = text.Split('-', 2, StringSplitOptions.TrimEntries);
        return parts.Length == 1 ? Of(parts[0], parts[0]) : Of(parts[0], parts[1]);
    }

    /// <summary>Min + (Max - Min) * u for u uniform in [0, 1) from <paramref name="unitInterval"/>; u is clamped to [0, 1].</summary>
    public TimeSpan Draw(Func<double> unitInterval)
    {
        var u = Math.Clamp(unitInterval(), 0.0, 1.0);
        return Min + TimeSpan.FromTicks((long)Math.Round((Max - Min).Ticks * u));
    }

    public bool Contains(TimeSpan d) => d >= Min && d <= Max;

    public override string ToString() => Min == Max ? DurationText.Format(Min) : $"{DurationText.Format(Min)}-{DurationText.Format(Max)}";
}
