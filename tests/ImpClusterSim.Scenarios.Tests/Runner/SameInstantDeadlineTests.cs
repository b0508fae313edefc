using ImpClusterSim.Scenarios.Runner;

namespace ImpClusterSim.Scenarios.Tests.Runner;

/// <summary>
/// A deadline is decided after every event of its virtual instant: the panel refresh that shows the peer secure counts
/// for a window that ends at that very instant as it does for 'within: 2m'. And every 'within' check reports
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

    private static string Yaml(string exactWindow) => $"""
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
        {Check("exact", exactWindow, "Connection is secure")}
        {Check("two minutes", "2m", "Connection is secure")}
        assumptions:
        {Check("one second", "1s", "Connection is secure")}
        {Check("never", "5m", "Certificate out-of-sync")}
        """;

    /// <summary>When the panel first shows the peer secure after 'peers' (its refresh phase is drawn from the seed).</summary>
    private static TimeSpan FirstSecure()
    {
        var probe = ScenarioRunner.Run(ScenarioFiles.Parse(Yaml("5m")), new ScenarioRunOptions { Seed = 1 });
        return probe.Checks.Single(c => c.Name == "two minutes").Timing!.FirstHeld!.Value;
    }

    [Fact]
    public void The_same_condition_at_the_same_instant_gets_the_same_verdict_whatever_the_window()
    {
        // A window that ends exactly at the instant the panel refresh shows the peer secure.
        var first = FirstSecure();
        var outcome = ScenarioRunner.Run(ScenarioFiles.Parse(Yaml($"{(long)first.TotalMilliseconds}ms")), new ScenarioRunOptions { Seed = 1 });
        var exact = outcome.Checks.Single(c => c.Name == "exact");
        var two = outcome.Checks.Single(c => c.Name == "two minutes");
        Assert.True(first > TimeSpan.Zero && first <= TimeSpan.FromMinutes(2), first.ToString());
        Assert.Equal(outcome.Start + TimeSpan.FromMinutes(20) + first, two.DecidedAt);
        Assert.True(two.Passed, two.Detail);
        Assert.True(exact.Passed, exact.Detail);
        Assert.Equal(two.DecidedAt, exact.DecidedAt);
        Assert.Equal(first, exact.Timing!.FirstHeld);
        Assert.Equal(exact.Timing.FirstHeld, two.Timing!.FirstHeld);
    }

    [Fact]
    public void A_missed_deadline_still_measures_when_the_condition_held_and_never_says_never()
    {
        var outcome = ScenarioRunner.Run(ScenarioFiles.Parse(Yaml("5m")), new ScenarioRunOptions { Seed = 1 });
        var late = outcome.Checks.Single(c => c.Name == "one second");
        var first = outcome.Checks.Single(c => c.Name == "two minutes").Timing!.FirstHeld!.Value;
        Assert.False(late.Passed);
        Assert.Equal(outcome.Start + TimeSpan.FromSeconds(20 * 60 + 1), late.DecidedAt);
        Assert.True(first > TimeSpan.FromSeconds(1), first.ToString());
        Assert.Equal(first, late.Timing!.FirstHeld);
        Assert.Equal("peers", late.Timing.AnchorLabel);
        Assert.Equal(TimeSpan.FromSeconds(1), late.Timing.Deadline);
        Assert.Contains(outcome.Events, e => e.Event == "condition-held-late" && e.Details.Any(d => d.Value == "one second"));

        var never = outcome.Checks.Single(c => c.Name == "never");
        Assert.False(never.Passed);
        Assert.True(never.Timing!.Never);
        Assert.Equal(TimeSpan.FromHours(1), never.Timing.Horizon);
    }
}
