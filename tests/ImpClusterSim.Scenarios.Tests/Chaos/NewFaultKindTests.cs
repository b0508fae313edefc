using ImpClusterSim.Scenarios.Outcome;
using ImpClusterSim.Scenarios.Runner;
using ImpClusterSim.Scenarios.Tests.Runner;

namespace ImpClusterSim.Scenarios.Tests.Chaos;

/// <summary>The fault kinds chaos added to the scenario language, played: name resolution and disk failures.</summary>
public sealed class NewFaultKindTests
{
    [Fact]
    public void A_publisher_that_cannot_resolve_its_peer_shows_it_not_reachable_while_the_peer_stays_secure()
    {
        const string yaml = """
            name: name-resolution
            seed: 3
            until: 3h
            deployment:
              topology: lab
            steps:
              - { at: 10m, publisher-of: imp-a, add-peer: { peer: imp-b, protocol: TLS } }
              - { publisher-of: imp-b, add-peer: { peer: imp-a, protocol: TLS } }
            faults:
              - { at: 30m, for: 1h30m, name-resolution: { node: imp-a-pub, host: imp-b-pub } }
            expect:
              - name: before the fault both sides are secure
                at: 29m
                peer-status: { cluster: imp-a, peer: imp-b, equals: Connection is secure }
              - name: after the heal imp-a is secure again
                at: 3h
                peer-status: { cluster: imp-a, peer: imp-b, equals: Connection is secure }
            """;
        var outcome = ScenarioRunner.Run(ScenarioFiles.Parse(yaml, "name-resolution.yaml"), new ScenarioRunOptions());

        Assert.True(outcome.Passed, string.Join("\n", outcome.Checks.Select(c => $"{c.Name}: {c.Passed} {c.Detail}")));
        // During the fault imp-a's agent showed imp-b "Not reachable" (its syncs time out); imp-b never left secure.
        var aStatuses = outcome.Events.Where(e => e.Node == "imp-a-pub" && e.Event == "peer-status").ToList();
        Assert.Contains(aStatuses, e => e.Time > outcome.Start + TimeSpan.FromMinutes(30) && e.Time < outcome.Start + TimeSpan.FromHours(2)
                                        && e.Details.Any(d => d.Key == "status" && d.Value.StartsWith("Not reachable", StringComparison.Ordinal)));
        Assert.DoesNotContain(outcome.Events, e => e.Node == "imp-b-pub" && e.Event == "peer-status" && e.Time > outcome.Start + TimeSpan.FromMinutes(20)
                                                    && e.Details.Any(d => d.Key == "status" && d.Value != "Connection is secure"));
    }

    [Fact]
    public void A_slow_resolver_within_the_request_timeout_only_delays_the_sync()
    {
        const string yaml = """
            name: slow-resolution
            seed: 3
            until: 2h
            deployment:
              topology: lab
            steps:
              - { at: 10m, publisher-of: imp-a, add-peer: { peer: imp-b, protocol: TLS } }
              - { publisher-of: imp-b, add-peer: { peer: imp-a, protocol: TLS } }
            faults:
              - { at: 5m, for: 1h50m, name-resolution: { node: imp-a-pub, host: imp-b-pub, delay: 20s } }
            expect:
              - at: 2h
                converged:
            """;
        var outcome = ScenarioRunner.Run(ScenarioFiles.Parse(yaml, "slow.yaml"), new ScenarioRunOptions());

        Assert.True(outcome.Passed, string.Join("\n", outcome.Checks.Select(c => $"{c.Name}: {c.Passed} {c.Detail}")));
        var secure = outcome.Events.First(e => e.Node == "imp-a-pub" && e.Event == "peer-status");
        Assert.Equal("Connection is secure", secure.Details.Single(d => d.Key == "status").Value);
        // The first sync left when the peer was added (10m) and waited 20 s for the name.
        Assert.True(secure.Time >= outcome.Start + TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(20), secure.Time.ToString());
    }

    [Fact]
    public void A_failed_disk_write_refuses_the_upload_and_changes_nothing_and_the_node_accepts_it_after_the_fault()
    {
        const string yaml = """
            name: disk-failure
            seed: 5
            until: 2h
            deployment:
              topology: lab
            cas:
              - { name: corp-root }
            steps:
              - { label: refused, at: 30m, publisher-of: imp-a, upload-trust: { store: tomcat-trust, ca: corp-root } }
              - { label: accepted, at: 1h30m, publisher-of: imp-a, upload-trust: { store: tomcat-trust, ca: corp-root } }
            faults:
              - { at: 20m, for: 30m, disk-failure: imp-a-pub }
            expect:
              - name: nothing half-applied
                at: 45m
                trust-store-lacks: { cluster: imp-a, store: tomcat-trust, ca: corp-root }
              - name: the upload after the fault reaches the cluster
                within: 10m
                after: accepted
                trust-store-contains: { cluster: imp-a, store: tomcat-trust, ca: corp-root }
              - always: true
                acknowledged-changes-kept:
            """;
        var outcome = ScenarioRunner.Run(ScenarioFiles.Parse(yaml, "disk.yaml"), new ScenarioRunOptions());

        Assert.True(outcome.Passed, string.Join("\n", outcome.Checks.Select(c => $"{c.Name}: {c.Passed} {c.Detail}")));
        var uploads = outcome.Events.Where(e => e.Event == "upload-trust").ToList();
        Assert.Equal(["refused", "accepted"], uploads.Select(e => e.Details.Single(d => d.Key == "result").Value));
        Assert.Contains("could not write to its disk", uploads[0].Details.Single(d => d.Key == "reply").Value, StringComparison.Ordinal);
        Assert.Contains(outcome.Events, e => e.Event == "disk-write-failed" && e.Node == "imp-a-pub");
    }

    [Fact]
    public void Name_resolution_of_a_node_by_itself_is_refused_at_its_line()
    {
        const string yaml = """
            name: bad
            deployment:
              topology: lab
            faults:
              - { at: 5m, name-resolution: { node: imp-a-pub, host: imp-a-pub } }
            """;
        var (scenario, errors) = Scenarios.Language.ScenarioLoader.Parse(yaml, "bad.yaml");
        Assert.Null(scenario);
        var error = Assert.Single(errors);
        Assert.Equal(5, error.Line);
        Assert.Contains("own host name", error.Message, StringComparison.Ordinal);
    }
}
