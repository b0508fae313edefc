using ImpClusterSim.Scenarios.Language;
using static ImpClusterSim.Scenarios.Tests.Language.ScenarioText;

namespace ImpClusterSim.Scenarios.Tests.Language;

/// <summary>
/// Seeded step times (<c>at: 37m..1h7m</c>, <c>after: 0s..30m</c>): what the validator accepts, and each error at its
/// line and column (the snippet starts at line 9).
/// </summary>
public sealed class StepTimeValidationTests
{
    private const string Step = "    publisher-of: imp-a\n    restart-service: Cisco Tomcat\n";

    [Theory]
    [InlineData("steps:\n  - at: 1h..30m\n" + Step, "s.yaml:10:9: 'at': the range '1h..30m' ends before it starts")]
    [InlineData("steps:\n  - at: 1h..soon\n" + Step, "s.yaml:10:9: 'at': '1h..soon' is not a duration or a range of durations")]
    [InlineData("steps:\n  - at: 30m..1h\n" + Step + "  - at: 45m\n" + Step,
        "s.yaml:13:9: step time goes backwards: at 45m comes before the previous step, which can fall as late as 1h (its time is drawn from a range)")]
    [InlineData("steps:\n  - at: 30m..1h\n" + Step + "  - after: 10m\n" + Step + "  - at: 1h5m\n" + Step,
        "s.yaml:16:9: step time goes backwards: at 1h5m comes before the previous step, which can fall as late as 1h10m")]
    [InlineData("steps:\n  - at: 23h..25h\n" + Step, "s.yaml:10:9: the step can fall as late as 1d1h (its time or an earlier step's is drawn from a range), after the horizon 1d")]
    [InlineData("steps:\n  - at: 22h..23h30m\n" + Step + "  - after: 20m..40m\n" + Step, "s.yaml:13:12: the step can fall as late as 1d10m")]
    [InlineData("steps:\n  - label: up\n    at: 20h..23h\n" + Step + "assumptions:\n  - name: a\n    within: 2h\n    after: up\n    node-up: imp-a-pub\n",
        "s.yaml:16:13: the check can end as late as 1d1h (the step 'up' is drawn from a range), after the horizon 1d")]
    public void Each_error_is_reported_at_its_line_and_column(string snippet, string expectedStart)
    {
        var error = Assert.Single(Errors(Head + snippet));
        Assert.StartsWith(expectedStart, error);
    }

    [Fact]
    public void A_range_gives_the_earliest_time_the_range_and_how_late_the_steps_after_it_can_fall()
    {
        var scenario = Valid(Head + "steps:\n" +
                             "  - label: upload\n    at: 37m..1h7m\n" + Step +
                             "  - " + Step.TrimStart() +
                             "  - after: 1m..2m\n" + Step +
                             "  - at: 2h\n" + Step +
                             "  - after: 30s\n" + Step);

        var s = scenario.Steps;
        Assert.Equal((TimeSpan.FromMinutes(37), TimeSpan.FromMinutes(30), true), (s[0].At, s[0].Spread, s[0].IsDrawn));
        Assert.Equal((TimeSpan.FromMinutes(67), TimeSpan.FromMinutes(67)), (s[0].Range!.Max, s[0].Latest));
        Assert.Equal((TimeSpan.FromMinutes(37), TimeSpan.FromMinutes(30), false), (s[1].At, s[1].Spread, s[1].IsDrawn));
        Assert.Equal((TimeSpan.FromMinutes(38), TimeSpan.FromMinutes(31), true), (s[2].At, s[2].Spread, s[2].IsDrawn));
        Assert.Equal((TimeSpan.FromHours(2), TimeSpan.Zero, false), (s[3].At, s[3].Spread, s[3].IsDrawn));
        Assert.Equal((TimeSpan.FromSeconds(7230), TimeSpan.Zero), (s[4].At, s[4].Spread));
    }

    [Fact]
    public void A_range_of_one_value_is_a_fixed_time()
    {
        var step = Valid(Head + "steps:\n  - at: 40m..40m\n" + Step).Steps[0];

        Assert.Equal((TimeSpan.FromMinutes(40), TimeSpan.Zero, false), (step.At, step.Spread, step.IsDrawn));
    }
}
