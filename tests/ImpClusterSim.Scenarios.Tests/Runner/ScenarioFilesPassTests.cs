using ImpClusterSim.Scenarios.Outcome;
using ImpClusterSim.Scenarios.Runner;

namespace ImpClusterSim.Scenarios.Tests.Runner;

/// <summary>
/// Every scenario in scenarios/ (the guide's procedures, the failures, the examples) plays green with its own seed; on
/// the way, every payload its nodes send and every value they keep on disk has a wire codec and round-trips through it
/// (<see cref="WireCapture"/>: live mode runs the same node code between processes).
/// </summary>
public sealed class ScenarioFilesPassTests
{
    public static TheoryData<string> Files() => [.. ScenarioFiles.All()];

    [Theory]
    [MemberData(nameof(Files))]
    public void The_scenario_passes_every_expectation(string file)
    {
        var scenario = ScenarioFiles.Load(file);
        var wire = new WireCapture();
        var outcome = ScenarioRunner.Run(scenario, new ScenarioRunOptions { AtStart = run => wire.Attach(run, file) });

        var failed = outcome.Checks.Where(c => c.Kind == CheckKind.Expectation && !c.Passed).Select(c => $"{c.Name}: {c.Detail}");
        Assert.True(outcome.Passed, $"{file} (seed {outcome.Seed}):\n" + string.Join("\n", failed));
        Assert.NotEmpty(outcome.Checks);
        Assert.All(outcome.Checks, c => Assert.NotNull(c.DecidedAt));
        wire.AssertAllRoundTrip();
    }

    [Fact]
    public void There_is_a_scenario_for_each_procedure_and_failure_of_the_brief()
    {
        var files = ScenarioFiles.All();
        Assert.Contains("ca-signed-tomcat.yaml", files);
        Assert.Contains("cucm-imp-certificate-exchange.yaml", files);
        Assert.Contains("fips-enable-forced-sync.yaml", files);
        Assert.True(files.Count(f => f.StartsWith("failures/", StringComparison.Ordinal)) >= 7);
        // Each file names the guide section it follows, in a comment and in guide-section.
        foreach (var f in files.Where(f => !f.StartsWith("examples/", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(Path.Combine(ScenarioFiles.ScenariosFolder, f));
            Assert.StartsWith("#", text);
            Assert.NotNull(ScenarioFiles.Load(f).GuideSection);
        }
    }
}
