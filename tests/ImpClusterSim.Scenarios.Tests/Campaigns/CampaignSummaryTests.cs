using System.Collections.Immutable;
using ImpClusterSim.Domain.Time;
using ImpClusterSim.Scenarios.Campaigns;
using ImpClusterSim.Scenarios.Outcome;

namespace ImpClusterSim.Scenarios.Tests.Campaigns;

public sealed class CampaignSummaryTests
{
    private static readonly SimInstant T0 = SimInstant.DefaultRunStart;

    private static ScenarioOutcome Outcome(ulong seed, params CheckOutcome[] checks) =>
        new("s", null, seed, T0, TimeSpan.FromHours(1), 0, 1, 0, 0, "h", "r", [.. checks], [], []);

    /// <summary>A 'within' check anchored at the start whose condition first held at <paramref name="minutes"/> (null: never).</summary>
    private static CheckOutcome Check(string name, CheckKind kind, bool passed, int minutes, int? firstHeld = -1) =>
        new(name, kind, passed, T0 + TimeSpan.FromMinutes(minutes), "", "f.yaml", 1, 1)
        {
            Timing = new ConditionTiming(TimeSpan.Zero, null, TimeSpan.FromMinutes(15),
                firstHeld == -1 ? TimeSpan.FromMinutes(minutes) : firstHeld is { } f ? TimeSpan.FromMinutes(f) : null, TimeSpan.FromHours(1)),
        };

    [Fact]
    public void Counts_per_check_how_many_seeds_held_and_when_and_lists_the_failed_seeds()
    {
        var summary = CampaignSummary.Of("s",
        [
            Outcome(1, Check("secure", CheckKind.Expectation, true, 10), Check("fast", CheckKind.Assumption, true, 5)),
            Outcome(2, Check("secure", CheckKind.Expectation, true, 30), Check("fast", CheckKind.Assumption, false, 15, firstHeld: 20)),
            Outcome(3, Check("secure", CheckKind.Expectation, false, 60, firstHeld: null), Check("fast", CheckKind.Assumption, false, 15, firstHeld: null)),
        ]);

        Assert.Equal([3UL], summary.FailedSeeds.ToArray());
        Assert.False(summary.Passed);
        var secure = summary.Checks[0];
        Assert.Equal(("secure", 3, 2), (secure.Name, secure.Runs, secure.Held));
        Assert.Equal([TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30)], secure.Timing!.Held.ToArray());
        Assert.Equal(1, secure.Timing.Never);
        Assert.Equal(TimeSpan.FromMinutes(30), secure.Timing.Percentile(0.5));
        Assert.Null(secure.Timing.Max);
        Assert.Equal(2, secure.HeldInterval.Successes);
        Assert.Equal([3UL], secure.SeedsNotHeld.ToArray());
        var fast = summary.Checks[1];
        Assert.Equal(CheckKind.Assumption, fast.Kind);
        Assert.Equal(1.0 / 3, fast.HeldShare, 6);
        Assert.Equal([2UL, 3UL], fast.SeedsNotHeld.ToArray());
        // A broken assumption still measured when its condition came true (20 min), not when it was decided (15 min).
        Assert.Equal([TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(20)], fast.Timing!.Held.ToArray());
    }

    [Fact]
    public void A_campaign_whose_expectations_all_hold_passes_even_if_an_assumption_breaks()
    {
        var summary = CampaignSummary.Of("s",
        [
            Outcome(1, Check("secure", CheckKind.Expectation, true, 10), Check("fast", CheckKind.Assumption, false, 5)),
        ]);
        Assert.True(summary.Passed);
    }
}
