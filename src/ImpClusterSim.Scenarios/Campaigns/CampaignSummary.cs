using System.Collections.Immutable;
using ImpClusterSim.Scenarios.Outcome;

namespace ImpClusterSim.Scenarios.Campaigns;

/// <summary>
/// One scenario played over many seeds: per check, in how many seeds it held and when it was decided (virtual time
/// since the start), and the seeds where an expectation failed. This is how a timing assumption of the guide ("allow
/// 60 seconds", "wait ten minutes") gets a measured answer rather than one run's anecdote.
/// </summary>
public sealed record CampaignSummary(string Scenario, ImmutableArray<ulong> Seeds, ImmutableArray<CheckStatistics> Checks, ImmutableArray<ulong> FailedSeeds)
{
    public bool Passed => FailedSeeds.IsEmpty;

    public static CampaignSummary Of(string scenario, IReadOnlyList<ScenarioOutcome> outcomes)
    {
        var checks = outcomes
            .SelectMany(o => o.Checks.Select((c, index) => (Outcome: o, Check: c, Index: index)))
            .GroupBy(x => (x.Check.Name, x.Check.Kind, x.Check.File, x.Check.Line, x.Check.Column))
            .OrderBy(g => g.Min(x => x.Index))
            .Select(g => CheckStatistics.Of(g.Key.Name, g.Key.Kind, [.. g.Select(x => (x.Outcome, x.Check))]))
            .ToImmutableArray();
        var failed = outcomes.Where(o => !o.Passed).Select(o => o.Seed).ToImmutableArray();
        return new CampaignSummary(scenario, [.. outcomes.Select(o => o.Seed)], checks, failed);
    }
}

/// <summary>A check over a campaign: how many seeds it held in, and the spread of when it was decided when it held.</summary>
public sealed record CheckStatistics(
    string Name,
    CheckKind Kind,
    int Runs,
    int Held,
    TimeSpan? EarliestHeld,
    TimeSpan? MedianHeld,
    TimeSpan? LatestHeld,
    ImmutableArray<ulong> SeedsNotHeld)
{
    public double HeldShare => Runs == 0 ? 0 : (double)Held / Runs;

    public static CheckStatistics Of(string name, CheckKind kind, IReadOnlyList<(ScenarioOutcome Outcome, CheckOutcome Check)> runs)
    {
        var held = runs.Where(r => r.Check.Passed).ToArray();
        var times = held.Where(r => r.Check.DecidedAt is not null)
            .Select(r => r.Check.DecidedAt!.Value - r.Outcome.Start)
            .Order()
            .ToArray();
        return new CheckStatistics(name, kind, runs.Count, held.Length,
            times.Length == 0 ? null : times[0],
            times.Length == 0 ? null : times[times.Length / 2],
            times.Length == 0 ? null : times[^1],
            [.. runs.Where(r => !r.Check.Passed).Select(r => r.Outcome.Seed)]);
    }
}
