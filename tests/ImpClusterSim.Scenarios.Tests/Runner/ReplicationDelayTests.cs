using ImpClusterSim.Scenarios.Runner;

namespace ImpClusterSim.Scenarios.Tests.Runner;

/// <summary>
/// Issue 9, "replication timing": subscribers poll the publisher on phases of their own drawn from the seed, so a trust
/// upload made exactly on a five-minute mark still takes the 5-60 s replication delay to reach each subscriber (with
/// one shared poll grid it reached every subscriber about 2 ms later).
/// </summary>
public sealed class ReplicationDelayTests
{
    private static string Scenario(ulong seed) => $"""
        name: upload-on-the-five-minute-mark
        seed: {seed}
        until: 1h10m
        deployment:
          topology: lab
        cas:
          - {"{"} name: corp-root, subject: Example Corp Root CA {"}"}
        steps:
          - label: upload
            at: 1h
            publisher-of: imp-a
            upload-trust: {"{"} store: tomcat-trust, ca: corp-root {"}"}
        expect:
          - name: no subscriber has it before the replication delay's lower bound
            at: 1h4s
            trust-store-lacks: {"{"} nodes: [imp-a-sub1, imp-a-sub2], store: tomcat-trust, ca: corp-root {"}"}
          - name: every subscriber has it within the delay's upper bound
            within: 61s
            after: upload
            trust-store-contains: {"{"} cluster: imp-a, store: tomcat-trust, ca: corp-root {"}"}
        """;

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    [InlineData(4UL)]
    public void An_upload_on_a_five_minute_mark_reaches_each_subscriber_after_the_replication_delay(ulong seed)
    {
        var outcome = ScenarioRunner.Run(ScenarioFiles.Parse(Scenario(seed), "five-minute-mark.yaml"), new ScenarioRunOptions());

        Assert.True(outcome.Passed, string.Join("\n", outcome.Checks.Where(c => !c.Passed).Select(c => $"{c.Name}: {c.Detail}")));
    }
}
