using static ImpClusterSim.Scenarios.Tests.Language.ScenarioText;

namespace ImpClusterSim.Scenarios.Tests.Language;

/// <summary>
/// The validator on not, step-accepted/-refused, event-seen, troubleshooter-fails, always with after/until, and
/// cli-output-contains only 'at' an instant: each error at its line and column (the snippet starts at line 9).
/// </summary>
public sealed class OutcomeConditionValidationTests
{
    private const string Steps = "steps:\n  - label: up\n    at: 1h\n    publisher-of: imp-a\n    restart-service: Cisco Tomcat\n  - label: pause\n    at: 1h5m\n    wait: 5m\n";

    [Theory]
    [InlineData("expect:\n  - at: 1h\n    not: 5\n", "s.yaml:11:10: 'not' takes exactly one condition")]
    [InlineData("expect:\n  - at: 1h\n    not: { node-upp: imp-a-pub }\n", "s.yaml:11:12: unknown condition 'node-upp'; did you mean 'node-up'? inside 'not'")]
    [InlineData("expect:\n  - at: 1h\n    not: { node-up: { node: imp-z } }\n", "s.yaml:11:29: unknown node 'imp-z'")]
    [InlineData(Steps + "expect:\n  - at: 2h\n    step-refused: upp\n", "s.yaml:19:19: unknown label 'upp'; did you mean 'up'?")]
    [InlineData(Steps + "expect:\n  - at: 2h\n    step-accepted: pause\n", "s.yaml:19:20: 'step-accepted': the step labelled 'pause' is a 'wait'")]
    [InlineData("expect:\n  - at: 2h\n    event-seen: { node: imp-a-pub }\n", "s.yaml:11:17: 'event-seen' is missing the argument 'event'")]
    [InlineData("expect:\n  - at: 2h\n    troubleshooter-fails: { cluster: cucm }\n", "s.yaml:11:38: 'troubleshooter-fails' runs on an IM&P cluster; 'cucm' is not one")]
    [InlineData(Steps + "expect:\n  - at: 2h\n    until: up\n    node-up: imp-a-pub\n", "s.yaml:19:5: 'until: <label>' goes with 'always: true'")]
    [InlineData(Steps + "expect:\n  - always: true\n    until: nowhere\n    node-up: imp-a-pub\n", "s.yaml:19:12: unknown label 'nowhere'")]
    [InlineData(Steps + "expect:\n  - always: true\n    after: pause\n    until: up\n    node-up: imp-a-pub\n", "s.yaml:20:12: 'until: up' (1h) comes before the start of the check (1h5m)")]
    [InlineData("expect:\n  - within: 1h\n    cli-output-contains: { node: imp-a-pub, command: show status, text: up }\n", "s.yaml:11:5: 'cli-output-contains' runs a CLI command on the node, so it is checked once, at its instant")]
    [InlineData("expect:\n  - always: true\n    not: { cli-output-contains: { node: imp-a-pub, command: show status, text: down } }\n", "s.yaml:11:5: 'cli-output-contains' runs a CLI command")]
    public void Each_error_is_reported_at_its_line_and_column(string snippet, string expectedStart)
    {
        var error = Assert.Single(Errors(Head + snippet));
        Assert.StartsWith(expectedStart, error);
    }

    [Fact]
    public void The_additions_parse_into_their_conditions_and_windows()
    {
        var scenario = Valid(Head + Steps + "expect:\n" +
                             "  - at: 2h\n    not: { not: { node-up: imp-a-pub } }\n" +
                             "  - at: 2h\n    step-refused: { label: up, reply: refused }\n" +
                             "  - within: 1h\n    event-seen: { event: peer-status, node: imp-a-pub, details: { status: secure, peer: imp-b } }\n" +
                             "  - at: 2h\n    troubleshooter-fails: { cluster: imp-a, peer: imp-b-pub }\n" +
                             "  - always: true\n    after: up\n    until: pause\n    node-up: imp-a-pub\n");

        var c = scenario.Expectations.Select(e => e.Condition).ToArray();
        var not = Assert.IsType<Scenarios.Language.Not>(c[0]);
        Assert.IsType<Scenarios.Language.NodeUp>(Assert.IsType<Scenarios.Language.Not>(not.Inner).Inner);
        Assert.Equal(new Scenarios.Language.StepOutcome("up", false, "refused", c[1].Span), c[1]);
        var seen = Assert.IsType<Scenarios.Language.EventSeen>(c[2]);
        Assert.Equal(("peer-status", "imp-a-pub"), (seen.Event, seen.Node));
        Assert.Equal(["peer", "status"], seen.Details.Keys);
        Assert.Equal("imp-b", Assert.IsType<Scenarios.Language.TroubleshooterFails>(c[3]).Peer); // a publisher names its cluster
        var window = scenario.Expectations[4].When;
        Assert.Equal((Scenarios.Language.CheckMode.Always, TimeSpan.FromHours(1), TimeSpan.FromMinutes(65), "up", "pause"),
            (window.Mode, window.From, window.To, window.AfterLabel, window.UntilLabel));
    }
}
