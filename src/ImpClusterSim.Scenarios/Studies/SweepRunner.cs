using System.Collections.Immutable;
using ImpClusterSim.Scenarios.Campaigns;
using ImpClusterSim.Scenarios.Language;
using ImpClusterSim.Scenarios.Outcome;
using ImpClusterSim.Scenarios.Overrides;
using ImpClusterSim.Scenarios.Runner;

namespace ImpClusterSim.Scenarios.Studies;

/// <summary>
/// Plays a scenario at every point of a grid of settings, over the same seeds at every point, on up to <c>jobs</c>
/// threads (<see cref="ParallelRuns"/>), and summarises each point (docs/timing-studies.md). A campaign is the grid of
/// one point with no varied setting.
/// </summary>
public static class SweepRunner
{
    /// <summary>The most runs one sweep may play (grid points × seeds).</summary>
    public const int MaxRuns = 1_000_000;

    /// <summary>
    /// Checks every value of every axis against <paramref name="scenario"/> (the messages of <c>--set</c>) and returns
    /// the scenario of every grid point, in grid order; or the errors (nothing is played).
    /// </summary>
    public static (ImmutableArray<(ImmutableArray<SettingOverride> Settings, Scenario Scenario)> Points, ImmutableArray<string> Errors) Prepare(
        Scenario scenario, IReadOnlyList<SweepAxis> axes)
    {
        var errors = ImmutableArray.CreateBuilder<string>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var axis in axes)
        {
            if (!keys.Add(axis.Key)) errors.Add($"--set: '{axis.Key}' is set twice");
            foreach (var value in axis.Values)
                errors.AddRange(SettingOverrides.Apply(scenario, [new SettingOverride(axis.Key, value)]).Errors);
        }

        if (errors.Count > 0) return ([], errors.ToImmutable());
        var points = SweepAxis.Grid(axes)
            .Select(settings => (settings, SettingOverrides.Apply(scenario, settings).Scenario!))
            .ToImmutableArray();
        return (points, []);
    }

    /// <summary>
    /// Plays every grid point (from <see cref="Prepare"/>) over seeds <paramref name="firstSeed"/>.. (+<paramref name="seeds"/>),
    /// <paramref name="completed"/> counting the runs done. The trace events of each run are dropped once its checks
    /// are summarised (a sweep keeps no trace).
    /// </summary>
    public static SweepSummary Run(
        Scenario scenario,
        IReadOnlyList<SweepAxis> axes,
        IReadOnlyList<(ImmutableArray<SettingOverride> Settings, Scenario Scenario)> points,
        ulong firstSeed,
        int seeds,
        int jobs,
        Action<int>? completed = null)
    {
        if (seeds < 1 || (long)seeds * points.Count > MaxRuns)
            throw new ArgumentOutOfRangeException(nameof(seeds), seeds, $"1 to {MaxRuns} runs in all");
        var items = Enumerable.Range(0, seeds * points.Count).ToList();
        var outcomes = ParallelRuns.Play(items, jobs, item => PlayItem(points, firstSeed, seeds, item), completed);
        return Summarise(scenario, axes, points, firstSeed, seeds, outcomes);
    }

    /// <summary>
    /// Plays item <paramref name="item"/> of the sweep: grid point <c>item / seeds</c> at seed
    /// <c>firstSeed + item % seeds</c>, on the calling thread; the outcome without its trace events (the compact
    /// result a campaign keeps of a run: checks with their timing, trace hash, figures).
    /// </summary>
    public static ScenarioOutcome PlayItem(
        IReadOnlyList<(ImmutableArray<SettingOverride> Settings, Scenario Scenario)> points, ulong firstSeed, int seeds, int item)
    {
        var outcome = ScenarioRunner.Run(points[item / seeds].Scenario, new ScenarioRunOptions { Seed = firstSeed + (ulong)(item % seeds) });
        return outcome with { Events = ImmutableArray<Node.Ports.TraceEvent>.Empty };
    }

    /// <summary>
    /// The summary of the outcomes in item order (<see cref="PlayItem"/>); a null outcome is an item not played (a
    /// distributed sweep stopped early by <c>--max-failures</c>): its seed is left out of its point's summary.
    /// </summary>
    public static SweepSummary Summarise(
        Scenario scenario,
        IReadOnlyList<SweepAxis> axes,
        IReadOnlyList<(ImmutableArray<SettingOverride> Settings, Scenario Scenario)> points,
        ulong firstSeed,
        int seeds,
        IReadOnlyList<ScenarioOutcome?> outcomes)
    {
        var summaries = points.Select((p, i) => new SweepPoint(
                VariedOnly(p.Settings, axes),
                CampaignSummary.Of(p.Scenario.Name, [.. outcomes.Skip(i * seeds).Take(seeds).OfType<ScenarioOutcome>()])))
            .ToImmutableArray();
        var fixedSettings = axes.Where(a => a.Values.Length == 1).Select(a => new SettingOverride(a.Key, a.Values[0])).ToImmutableArray();
        return new SweepSummary(scenario.Name, [.. axes], fixedSettings, firstSeed, seeds, summaries);
    }

    private static ImmutableArray<SettingOverride> VariedOnly(ImmutableArray<SettingOverride> settings, IReadOnlyList<SweepAxis> axes) =>
        [.. settings.Where(s => axes.First(a => a.Key == s.Key).Values.Length > 1)];
}
