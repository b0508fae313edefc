using ImpClusterSim.Scenarios.Language;
using ImpClusterSim.Scenarios.Runner;

namespace ImpClusterSim.Scenarios.Tests.Runner;

/// <summary>
/// Seeded step times: the same seed draws the same time, seeds spread it over the range, the steps after a drawn one
/// and the checks counted from its label move with it, the run plays it then, and scenarios without ranges (the
/// default run) are untouched.
/// </summary>
public sealed class StepTimesTests
{
    private const string Yaml = """
        name: drawn
        until: 3h
        deployment:
          topology: lab
        cas:
          - { name: corp-root }
        steps:
          - at: 10m
            publisher-of: imp-a
            add-peer: { peer: imp-b, protocol: TLS }
          - label: upload
            at: 37m..1h7m
            publisher-of: imp-a
            upload-trust: { store: tomcat-trust, ca: corp-root }
          - label: restart
            after: 1m..2m
            publisher-of: imp-a
            restart-service: Cisco Intercluster Sync Agent
          - label: fixed
            at: 2h
            publisher-of: imp-b
            add-peer: { peer: imp-a, protocol: TLS }
        expect:
          - within: 10m
            after: upload
            trust-store-contains: { cluster: imp-a, store: tomcat-trust, ca: corp-root }
          - always: true
            after: upload
            until: restart
            node-up: imp-a-pub
        """;

    private static readonly Scenario Scenario = ScenarioFiles.Parse(Yaml, "drawn.yaml");

    [Fact]
    public void The_same_seed_draws_the_same_times_and_seeds_spread_them_over_the_range()
    {
        var first = StepTimes.Draw(Scenario, 5);
        var again = StepTimes.Draw(Scenario, 5);
        Assert.Equal(first.Steps.Select(s => s.At), again.Steps.Select(s => s.At));

        var uploads = Enumerable.Range(1, 200).Select(seed => StepTimes.Draw(Scenario, (ulong)seed).Steps[1].At).ToList();
        Assert.All(uploads, at => Assert.InRange(at, TimeSpan.FromMinutes(37), TimeSpan.FromMinutes(67)));
        Assert.True(uploads.Distinct().Count() > 190, "200 seeds draw (almost) 200 different times");
        // Spread over the range: each third of it gets a fair share of 200 draws (expected 67; at least 40).
        for (var third = 0; third < 3; third++)
        {
            var low = TimeSpan.FromMinutes(37 + 10 * third);
            Assert.InRange(uploads.Count(at => at >= low && at < low + TimeSpan.FromMinutes(10)), 40, 100);
        }
    }

    [Fact]
    public void The_steps_after_a_drawn_step_and_the_windows_of_its_label_move_with_it()
    {
        var drawn = StepTimes.Draw(Scenario, 3);
        var upload = drawn.Steps[1].At;
        var restart = drawn.Steps[2].At;

        Assert.Equal(TimeSpan.FromMinutes(10), drawn.Steps[0].At);
        Assert.InRange(restart - upload, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2));
        Assert.Equal(TimeSpan.FromHours(2), drawn.Steps[3].At);
        Assert.Equal((upload, upload + TimeSpan.FromMinutes(10)), (drawn.Expectations[0].When.From, drawn.Expectations[0].When.To));
        Assert.Equal((upload, restart), (drawn.Expectations[1].When.From, drawn.Expectations[1].When.To));
        Assert.All(drawn.Steps, s => Assert.Equal(TimeSpan.Zero, s.Spread));
    }

    [Fact]
    public void A_scenario_without_ranges_is_the_same_scenario()
    {
        var scenario = ScenarioFiles.Load("ca-signed-tomcat.yaml");

        Assert.Same(scenario, StepTimes.Draw(scenario, 1));
    }

    [Fact]
    public void The_run_plays_the_step_at_its_drawn_time_and_says_so_in_the_trace()
    {
        var outcome = ScenarioRunner.Run(Scenario, new ScenarioRunOptions { Seed = 9, Until = TimeSpan.FromMinutes(90) });
        var upload = StepTimes.Draw(Scenario, 9).Steps[1].At;

        var drawnEvent = Assert.Single(outcome.Events, e => e.Event == "step-time-drawn" && e.Details.Any(d => d is { Key: "step", Value: "upload" }));
        Assert.Equal(outcome.Start + upload, drawnEvent.Time);
        Assert.Contains(drawnEvent.Details, d => d is { Key: "at", Value: "37m..1h7m" });
        var played = Assert.Single(outcome.Events, e => e.Event == "upload-trust");
        Assert.Equal(outcome.Start + upload, played.Time);
        var check = outcome.Checks.First(c => c.Timing is not null);
        Assert.Equal(upload, check.Timing!.Anchor);
        Assert.True(outcome.Passed, string.Join("\n", outcome.Checks.Where(c => !c.Passed).Select(c => $"{c.Name}: {c.Detail}")));
    }
}
