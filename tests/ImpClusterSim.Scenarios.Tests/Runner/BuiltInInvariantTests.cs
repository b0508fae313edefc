using ImpClusterSim.Domain.Time;
using ImpClusterSim.Node.Ports;
using ImpClusterSim.Scenarios.BuiltIn;
using ImpClusterSim.Scenarios.Outcome;
using ImpClusterSim.Scenarios.Runner;

namespace ImpClusterSim.Scenarios.Tests.Runner;

public sealed class BuiltInInvariantTests
{
    private static readonly SimInstant T0 = SimInstant.DefaultRunStart;

    private static TraceEvent Event(string name, int minutes, params (string, string)[] details) =>
        new(T0 + TimeSpan.FromMinutes(minutes), "imp-a-pub", "/user/node", name, [.. details.Select(d => KeyValuePair.Create(d.Item1, d.Item2))]);

    [Fact]
    public void A_platform_invariant_violation_fails_the_run_at_its_first_instant_whatever_the_scenario_says()
    {
        var scenario = DefaultScenario.Load();
        var events = new[]
        {
            Event("peer-status", 5, ("peer", "imp-b-pub.example.com"), ("status", "Connection is secure")),
            Event("invariant-violation", 7, ("invariant", "secure-status-validates"), ("detail", "chain expired")),
            Event("invariant-violation", 9, ("invariant", "no-fips-mismatch-exchange"), ("detail", "FIPS to non-FIPS")),
        };
        var check = Assert.Single(BuiltInInvariants.Check(events, 0, T0 + TimeSpan.FromHours(1), scenario));
        Assert.Equal(CheckKind.Expectation, check.Kind);
        Assert.False(check.Passed);
        Assert.Equal(T0 + TimeSpan.FromMinutes(7), check.DecidedAt);
        Assert.Contains("2 violation(s)", check.Detail);
        Assert.Contains("chain expired", check.Detail);
    }

    [Fact]
    public void A_clean_run_adds_no_check_and_foreign_work_fails_it()
    {
        var scenario = DefaultScenario.Load();
        Assert.Empty(BuiltInInvariants.Check([Event("peer-status", 5)], 0, T0, scenario));
        var foreign = Assert.Single(BuiltInInvariants.Check([], 3, T0, scenario));
        Assert.Equal(BuiltInInvariants.LoopThreadName, foreign.Name);
        Assert.False(foreign.Passed);
        Assert.Equal(CheckKind.Expectation, foreign.Kind);
        Assert.Equal(T0, foreign.DecidedAt);
        Assert.Contains("3 work items arrived from outside the loop thread", foreign.Detail);
    }
}
