using ImpClusterSim.Scenarios.Outcome;
using ImpClusterSim.Scenarios.Runner;

namespace ImpClusterSim.Scenarios.Tests.Runner;

/// <summary>The checks can fail: a copy of a passing scenario with an expectation that never comes true fails, and says which and why.</summary>
public sealed class BrokenScenarioTests
{
    private const string Yaml = """
        name: broken-copy
        seed: 4
        until: 1h
        deployment:
          topology: lab
        steps:
          - label: peers
            at: 5m
            publisher-of: imp-a
            add-peer: { peer: imp-b, protocol: TLS }
          - publisher-of: imp-b
            add-peer: { peer: imp-a, protocol: TLS }
        expect:
          - name: the peers are secure
            within: 20m
            after: peers
            peer-status: { cluster: imp-a, peer: imp-b, equals: Connection is secure }
          - name: a status that never happens
            within: 20m
            after: peers
            peer-status: { cluster: imp-a, peer: imp-b, equals: Connection is perfectly secure }
          - name: an invariant that breaks
            always: true
            service-state: { node: imp-a-pub, service: Cisco Tomcat, state: Stopped }
        """;

    [Fact]
    public void An_expectation_that_never_holds_fails_with_the_last_value_seen_and_when()
    {
        var outcome = ScenarioRunner.Run(ScenarioFiles.Parse(Yaml, "broken.yaml"), new ScenarioRunOptions());

        Assert.False(outcome.Passed);
        var secure = outcome.Checks.Single(c => c.Name == "the peers are secure");
        Assert.True(secure.Passed, secure.Detail);
        var never = outcome.Checks.Single(c => c.Name == "a status that never happens");
        Assert.False(never.Passed);
        Assert.Equal(outcome.Start + TimeSpan.FromMinutes(25), never.DecidedAt);
        Assert.Equal("not by the deadline 00:25:00 (20m after 'peers'): peer status was 'Connection is secure' at 00:25:00", never.Detail);
        Assert.Equal(("broken.yaml", 18, 5), (never.File, never.Line, never.Column));
    }

    [Fact]
    public void An_invariant_fails_at_its_first_violation()
    {
        var outcome = ScenarioRunner.Run(ScenarioFiles.Parse(Yaml, "broken.yaml"), new ScenarioRunOptions());
        var invariant = outcome.Checks.Single(c => c.Name == "an invariant that breaks");
        Assert.False(invariant.Passed);
        // Cisco Tomcat is Starting at the start, so the first evaluation already violates it.
        Assert.Equal(outcome.Start, invariant.DecidedAt);
        Assert.StartsWith("violated at 00:00:00: Cisco Tomcat on imp-a-pub was Starting", invariant.Detail);
        Assert.Contains(outcome.Events, e => e.Event == "check-failed");
    }

    [Fact]
    public void Assumptions_are_reported_by_name_and_do_not_fail_the_run()
    {
        var yaml = Yaml.Replace("""
          - name: a status that never happens
            within: 20m
            after: peers
            peer-status: { cluster: imp-a, peer: imp-b, equals: Connection is perfectly secure }
          - name: an invariant that breaks
            always: true
            service-state: { node: imp-a-pub, service: Cisco Tomcat, state: Stopped }
        """, "") + """

        assumptions:
          - name: secure within a second
            within: 1s
            after: peers
            peer-status: { cluster: imp-a, peer: imp-b, equals: Connection is secure }
        """;
        var outcome = ScenarioRunner.Run(ScenarioFiles.Parse(yaml), new ScenarioRunOptions());
        Assert.True(outcome.Passed);
        var assumption = Assert.Single(outcome.Checks, c => c.Kind == CheckKind.Assumption);
        Assert.Equal("secure within a second", assumption.Name);
        Assert.False(assumption.Passed);
    }
}
