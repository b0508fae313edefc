using ImpClusterSim.Scenarios.Language;
using ImpClusterSim.Scenarios.Outcome;
using ImpClusterSim.Scenarios.Runner;
using ImpClusterSim.Scenarios.Tests.Language;

namespace ImpClusterSim.Scenarios.Tests.Chaos;

/// <summary>Shrunk chaos failures that were the checks' own mistakes: each file replays its schedule and must now pass.</summary>
public sealed class RegressionTests
{
    [Fact]
    public void A_clock_skew_that_begins_after_a_sync_does_not_make_its_secure_verdict_a_violation()
    {
        var (scenario, errors) = ScenarioLoader.Load(RepoRoot.File("tests", "ImpClusterSim.Scenarios.Tests", "Chaos", "Regressions", "chaos-seed-713.yaml"));
        Assert.True(scenario is not null, string.Join("; ", errors));

        var outcome = ScenarioRunner.Run(scenario, seed: 713);

        // The fault was played: imp-a-pub's clock went back 326 days at 06:25:05 for 49 s.
        Assert.Contains(outcome.Events, e => e.Event == "clock-skew" && e.Node == "imp-a-pub" && e.Details.Any(d => d.Key == "skew" && d.Value == "-326d"));
        var secure = Assert.Single(outcome.Checks, c => c.Name == "chaos: secure only with a validating chain");
        Assert.True(secure.Passed, secure.Detail);
        Assert.True(outcome.Passed, string.Join("; ", outcome.Checks.Where(c => !c.Passed).Select(c => $"{c.Name}: {c.Detail}")));
    }

    [Fact]
    public void A_cluster_whose_publisher_stays_halted_is_not_required_to_agree_and_its_pages_refuse_operations()
    {
        var (scenario, errors) = ScenarioLoader.Load(RepoRoot.File("tests", "ImpClusterSim.Scenarios.Tests", "Chaos", "Regressions", "chaos-seed-50124.yaml"));
        Assert.True(scenario is not null, string.Join("; ", errors));

        var outcome = ScenarioRunner.Run(scenario, seed: 50124);

        // The faults were played: imp-b-pub halted at the workload's FIPS enable and stayed so; imp-b-sub5 came back.
        Assert.Contains(outcome.Events, e => e.Event == "node-halted" && e.Node == "imp-b-pub");
        Assert.DoesNotContain(outcome.Events, e => e.Event == "node-booted" && e.Node == "imp-b-pub");
        // The halted publisher refused the workload's later operations instead of applying them.
        Assert.Contains(outcome.Events, e => e.Event == "add-peer" && e.Node == "imp-b-pub" && e.Time > outcome.Start + TimeSpan.FromHours(22)
                                             && e.Details.Any(d => d.Key == "result" && d.Value == "refused"));
        Assert.DoesNotContain(outcome.Events, e => e.Event == "add-peer" && e.Node == "imp-b-pub" && e.Time > outcome.Start + TimeSpan.FromHours(22)
                                                   && e.Details.Any(d => d.Key == "result" && d.Value == "accepted"));
        Assert.True(outcome.Passed, string.Join("; ", outcome.Checks.Where(c => !c.Passed).Select(c => $"{c.Name}: {c.Detail}")));
    }
}
