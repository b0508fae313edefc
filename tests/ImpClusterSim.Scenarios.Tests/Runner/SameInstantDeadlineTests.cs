using ImpClusterSim.Scenarios.Runner;

namespace ImpClusterSim.Scenarios.Tests.Runner;

/// <summary>
/// A deadline is decided after every event of its virtual instant: the panel refresh that shows the peer secure at
/// 00:21:00 counts for a 'within: 1m' ending at 00:21:00 as it does for 'within: 2m'. And every 'within' check reports
/// when its condition first held, also after a missed deadline, or "never".
/// </summary>
public sealed class SameInstantDeadlineTests
{
    private static string Check(string name, string window, string status) => $"""
          - name: {name}
            within: {window}
            after: peers
            peer-status: {"{"} cluster: imp-a, peer: imp-b, equals: {status} {"}"}
        """;

    private static readonly string Yaml = $"""
        name: same-instant
        until: 1h
        deployment:
          topology: lab
        steps:
          - label: peers
            at: 20m
            publisher-of: imp-a
            add-peer: {"{"} peer: imp-b, protocol: TLS {"}"}
          - publisher-of: imp-b
            add-peer: {"{"} peer: imp-a, protocol: TLS {"}"}
        expect:
        {Check("one minute", "1m", "Connection is secure")}
        {Check("two minutes", "2m", "Connection is secure")}
        assumptions:
        {Check("one second", "1s", "Connection is secure")}
        {Check("never", "5m", "Certificate out-of-sync")}
        """;

    [Fact]
    public void The_same_condition_at_the_same_instant_gets_the_same_verdict_whatever_the_window()
    {
        var outcome = ScenarioRunner.Run(ScenarioFiles.Parse(Yaml), new ScenarioRunOptions { Seed = 1 });
        var one = outcome.Checks.Single(c => c.Name == "one minute");
        var two = outcome.Checks.Single(c => c.Name == "two minutes");
        // The panel refreshes every 60 s from the peer's creation: the secure status shows at 00:21:00 exactly.
        Assert.Equal(outcome.Start + TimeSpan.FromMinutes(21), two.DecidedAt);
        Assert.True(two.Passed, two.Detail);
        Assert.True(one.Passed, one.Detail);
        Assert.Equal(two.DecidedAt, one.DecidedAt);
        Assert.Equal(TimeSpan.FromMinutes(1), one.Timing!.FirstHeld);
        Assert.Equal(one.Timing.FirstHeld, two.Timing!.FirstHeld);
    }

    [Fact]
    public void A_missed_deadline_still_measures_when_the_condition_held_and_never_says_never()
    {
        var outcome = ScenarioRunner.Run(ScenarioFiles.Parse(Yaml), new ScenarioRunOptions { Seed = 1 });
        var late = outcome.Checks.Single(c => c.Name == "one second");
        Assert.False(late.Passed);
        Assert.Equal(outcome.Start + TimeSpan.FromSeconds(20 * 60 + 1), late.DecidedAt);
        Assert.Equal(TimeSpan.FromMinutes(1), late.Timing!.FirstHeld);
        Assert.Equal("peers", late.Timing.AnchorLabel);
        Assert.Equal(TimeSpan.FromSeconds(1), late.Timing.Deadline);
        Assert.Contains(outcome.Events, e => e.Event == "condition-held-late" && e.Details.Any(d => d.Value == "one second"));

        var never = outcome.Checks.Single(c => c.Name == "never");
        Assert.False(never.Passed);
        Assert.True(never.Timing!.Never);
        Assert.Equal(TimeSpan.FromHours(1), never.Timing.Horizon);
    }
}
