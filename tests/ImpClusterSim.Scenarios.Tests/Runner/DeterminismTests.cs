using ImpClusterSim.Scenarios.Runner;

namespace ImpClusterSim.Scenarios.Tests.Runner;

/// <summary>One seed replays a scenario byte for byte; another seed gives another run.</summary>
public sealed class DeterminismTests
{
    [Fact]
    public void The_same_scenario_and_seed_give_the_same_trace_and_another_seed_a_different_one()
    {
        var scenario = ScenarioFiles.Load("failures/partition-during-ca-sync.yaml");
        var a = new MemoryStream();
        var b = new MemoryStream();
        var first = ScenarioRunner.Run(scenario, 7, a);
        var second = ScenarioRunner.Run(scenario, 7, b);
        var other = ScenarioRunner.Run(scenario, 8);

        Assert.Equal(first.TraceHash, second.TraceHash);
        Assert.Equal(a.ToArray(), b.ToArray());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(a.ToArray())), first.TraceHash);
        Assert.NotEqual(first.TraceHash, other.TraceHash);
        Assert.Equal(first.Checks.Select(c => c.ToString()), second.Checks.Select(c => c.ToString()));
    }

    [Fact]
    public void The_scenario_seed_is_the_default_and_an_explicit_seed_overrides_it()
    {
        var scenario = ScenarioFiles.Load("login-banner.yaml");
        Assert.Equal(11UL, ScenarioRunner.Run(scenario, new ScenarioRunOptions()).Seed);
        var outcome = ScenarioRunner.Run(scenario, new ScenarioRunOptions { Seed = 99, Until = TimeSpan.FromMinutes(40) });
        Assert.Equal(99UL, outcome.Seed);
        Assert.Equal(TimeSpan.FromMinutes(40), outcome.VirtualDuration);
    }
}
