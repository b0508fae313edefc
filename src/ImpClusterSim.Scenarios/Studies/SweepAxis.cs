using System.Collections.Immutable;
using ImpClusterSim.Scenarios.Overrides;

namespace ImpClusterSim.Scenarios.Studies;

/// <summary>
/// One setting of a sweep and the values it takes, in the order given: <c>--set timings.icsa-interval=5m,10m,30m</c>.
/// An axis with one value is a fixed override for every grid point.
/// </summary>
public sealed record SweepAxis(string Key, ImmutableArray<string> Values)
{
    /// <summary>
    /// Parses <c>KEY=V1,V2,...</c>: the key is checked as for <c>--set</c>, the values are split at commas (trimmed, none
    /// empty, no repeats). The values themselves are checked when the grid is applied to a scenario.
    /// </summary>
    /// <returns>The axis, or null and what is wrong (starting with <c>--set</c>).</returns>
    public static (SweepAxis? Axis, string? Error) Parse(string argument)
    {
        var (first, error) = SettingOverrides.Parse(argument);
        if (error is not null) return (null, error);
        var values = first!.Value.Split(',', StringSplitOptions.TrimEntries).ToImmutableArray();
        if (values.Any(v => v.Length == 0)) return (null, $"--set '{argument}': an empty value in the list (write KEY=V1,V2,...)");
        if (values.Distinct(StringComparer.Ordinal).Count() != values.Length) return (null, $"--set '{argument}': a value is listed twice");
        return (new SweepAxis(first.Key, values), null);
    }

    /// <summary>The overrides of every grid point: the cartesian product of the axes, the first axis varying slowest.</summary>
    public static ImmutableArray<ImmutableArray<SettingOverride>> Grid(IReadOnlyList<SweepAxis> axes)
    {
        IEnumerable<ImmutableArray<SettingOverride>> points = [[]];
        foreach (var axis in axes)
        {
            var a = axis;
            points = points.SelectMany(p => a.Values.Select(v => p.Add(new SettingOverride(a.Key, v)))).ToList();
        }

        return [.. points];
    }
}
