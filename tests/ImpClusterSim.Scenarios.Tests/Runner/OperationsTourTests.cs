using ImpClusterSim.Scenarios.Language;
using ImpClusterSim.Scenarios.Runner;

namespace ImpClusterSim.Scenarios.Tests.Runner;

/// <summary>
/// The operations, faults and conditions that no guide scenario needs, played once with checks of their effect; and
/// the rule that every kind of the language is played by a scenario file or by this tour.
/// </summary>
public sealed class OperationsTourTests
{
    internal const string Tour = """
        name: operations-tour
        seed: 5
        until: 2h30m
        deployment:
          topology: lab
          settings:
            trust-deletion: cluster   # the 11.0 behaviour: the publisher's Delete reaches every node
            timings: { replication-delay: 5s..10s, services: { Cisco Presence Engine: { stop: 5s..5s } } }
            network: { latency: 1ms..3ms, distribution: normal }
        cas:
          - { name: root, subject: Tour Root CA, key: ec-p256 }
        steps:
          - at: 5m
            publisher-of: imp-a
            upload-trust: { store: tomcat-trust, ca: root }
          - label: deleted
            after: 2m
            publisher-of: imp-a
            delete-trust: { store: tomcat-trust, ca: root }
          - label: stopped
            at: 20m
            node: imp-a-sub2
            stop-service: Cisco Presence Engine
          - wait: 5m
          - label: started
            node: imp-a-sub2
            start-service: Cisco Presence Engine
          - at: 30m
            node: imp-b-pub
            fips-enable:
          - label: fips-off
            at: 1h
            node: imp-b-pub
            fips-disable:
        faults:
          - { id: slow, at: 10m, for: 20m, link: { a: imp-a, b: imp-b, latency: 200ms, loss: 1% } }
          - { id: cut, at: 40m, partition: { a: imp-a-pub, b: imp-b-pub, one-way: true } }
          - { at: 50m, heal: cut }
          - { at: 1h30m, service-kill: { node: imp-a-pub, service: Cisco Tomcat } }
          - { at: 1h40m, for: 10m, service-stop: { node: imp-a-sub1, service: Cisco SIP Proxy } }
        expect:
          - within: 2m
            after: deleted
            trust-store-lacks: { cluster: imp-a, store: tomcat-trust, ca: root }
          - within: 1m
            after: stopped
            service-state: { node: imp-a-sub2, service: Cisco Presence Engine, state: Stopped }
          - within: 2m
            after: started
            service-state: { node: imp-a-sub2, service: Cisco Presence Engine, state: Started }
          - at: 55m
            cli-output-contains: { node: imp-b-pub, command: utils fips status, text: FIPS mode is enabled. }
          - at: 1h30m
            cli-output-contains: { node: imp-b-pub, command: utils fips status, text: FIPS mode is disabled. }
          - at: 1h30m45s
            service-state: { node: imp-a-pub, service: Cisco Tomcat, state: Stopped }
          - at: 1h40m
            service-state: { node: imp-a-pub, service: Cisco Tomcat, state: Started }
          - at: 1h45m
            service-state: { node: imp-a-sub1, service: Cisco SIP Proxy, state: Stopped }
          - at: 2h
            service-state: { node: imp-a-sub1, service: Cisco SIP Proxy, state: Started }
        """;

    [Fact]
    public void The_rarer_operations_and_faults_have_their_effect()
    {
        var outcome = ScenarioRunner.Run(ScenarioFiles.Parse(Tour), new ScenarioRunOptions());

        Assert.True(outcome.Passed, string.Join("\n", outcome.Checks.Where(c => !c.Passed).Select(c => $"{c.Name}: {c.Detail}")));
        var events = outcome.Events.Select(e => e.Event).ToHashSet();
        Assert.Superset(new HashSet<string> { "link-model-changed", "link-model-cleared", "partition-started", "partition-healed", "service-kill", "service-stop", "service-stop-ended", "wait", "delete-trust", "fips-disable" }, events);
        Assert.Contains(outcome.Events, e => e.Event == "partition-started" && e.Details.Any(d => d.Value.Contains("one-way", StringComparison.OrdinalIgnoreCase)));
        Assert.Equal(["slow", "cut", "heal-3", "service-kill-4", "service-stop-5"], outcome.Faults.Select(f => f.Label));
        var slow = outcome.Faults[0];
        Assert.Equal((outcome.Start + TimeSpan.FromMinutes(10), outcome.Start + TimeSpan.FromMinutes(30)), (slow.From, slow.Until!.Value));
        Assert.Null(outcome.Faults[1].Until);
    }

    [Fact]
    public void Every_operation_fault_and_condition_of_the_language_is_played_somewhere()
    {
        var scenarios = ScenarioFiles.All().Select(ScenarioFiles.Load).Append(ScenarioFiles.Parse(Tour)).ToArray();
        var operations = scenarios.SelectMany(s => s.Steps.Select(x => x.Operation.Kind)).ToHashSet();
        var faults = scenarios.SelectMany(s => s.Faults.Select(f => f.Action.Kind)).ToHashSet();
        var conditions = scenarios.SelectMany(s => s.Expectations.Select(e => e.Condition.Kind).Concat(s.Assumptions.Select(a => a.Condition.Kind))).ToHashSet();

        Assert.Empty(ScenarioVocabulary.Operations.Select(o => o.Name).Except(operations));
        Assert.Empty(ScenarioVocabulary.Faults.Select(f => f.Name).Except(faults));
        Assert.Empty(ScenarioVocabulary.Conditions.Select(c => c.Name).Except(conditions));
    }
}
