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
}
