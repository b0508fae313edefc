using System.Collections.Immutable;
using ImpClusterSim.Scenarios.Outcome;
using ImpClusterSim.Scenarios.Studies;

namespace ImpClusterSim.Scenarios.Campaigns;

/// <summary>
/// One scenario played over many seeds: per check, in how many seeds it held (with a 95 % Wilson interval), the
/// distribution of its time-to-condition (checks with a 'within' window), and the seeds where an expectation failed.
/// This is how a timing assumption of the guide ("allow 60 seconds", "wait ten minutes") gets a measured answer rather
/// than one run's anecdote. Checks are in the scenario's order; seeds in the order given.
/// </summary>
public sealed record CampaignSummary(string Scenario, ImmutableArray<ulong> Seeds, ImmutableArray<CheckStatistics> Checks, ImmutableArray<ulong> FailedSeeds)
{
    public bool Passed => FailedSeeds.IsEmpty;

    /// <summary>The trace hash of each seed's run, in the order of <see cref="Seeds"/> (the same seed replays to the same hash).</summary>
    public ImmutableArray<string> TraceHashes { get; init; } = [];

    public static CampaignSummary Of(string scenario, IReadOnlyList<ScenarioOutcome> outcomes)
    {
        var checks = outcomes
            .SelectMany(o => o.Checks.Select((c, index) => (Outcome: o, Check: c, Index: index)))
            .GroupBy(x => (x.Check.Name, x.Check.Kind, x.Check.File, x.Check.Line, x.Check.Column))
            .OrderBy(g => g.Min(x => x.Index))
            .Select(g => CheckStatistics.Of(g.Key.Name, g.Key.Kind, [.. g.Select(x => (x.Outcome, x.Check))]))
            .ToImmutableArray();
        var failed = outcomes.Where(o => !o.Passed).Select(o => o.Seed).ToImmutableArray();
        return new CampaignSummary(scenario, [.. outcomes.Select(o => o.Seed)], checks, failed) { TraceHashes = [.. outcomes.Select(o => o.TraceHash)] };
    }
}

/// <summary>
/// A check over a campaign: how many seeds it held in (<see cref="HeldInterval"/>: the 95 % Wilson interval of the
/// share), and for a 'within' check the distribution of its time-to-condition after <see cref="Anchor"/> (null for
/// other checks), with the window's length (<see cref="Window"/>), and every seed where it did not hold.
/// </summary>
public sealed record CheckStatistics(
    string Name,
    CheckKind Kind,
    int Runs,
    int Held,
    WilsonInterval HeldInterval,
    TimeDistribution? Timing,
    string? Anchor,
    TimeSpan? Window,
    ImmutableArray<ulong> SeedsNotHeld)
{
    public double HeldShare => HeldInterval.Share;

    public static CheckStatistics Of(string name, CheckKind kind, IReadOnlyList<(ScenarioOutcome Outcome, CheckOutcome Check)> runs)
    {
        var held = runs.Count(r => r.Check.Passed);
        var timed = runs.Where(r => r.Check.Timing is not null).Select(r => r.Check.Timing!).ToList();
        return new CheckStatistics(name, kind, runs.Count, held, WilsonInterval.Of(held, runs.Count),
            timed.Count == 0 ? null : TimeDistribution.Of(timed.Select(t => t.FirstHeld)),
            timed.Count == 0 ? null : TimingText.Anchor(timed[0]),
            timed.Count == 0 ? null : timed[0].Deadline,
            [.. runs.Where(r => !r.Check.Passed).Select(r => r.Outcome.Seed)]);
    }
}
