using ImpClusterSim.Cli.Tests.Run;

namespace ImpClusterSim.Cli.Tests.Chaos;

public sealed class ChaosCommandTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("impsim-chaos-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Theory]
    [InlineData("--faults", "crash,frobnicate", "unknown fault kind 'frobnicate'")]
    [InlineData("--seeds", "0", "--seeds 0 is out of range")]
    [InlineData("--intensity", "50", "--intensity 50 is out of range")]
    [InlineData("--jobs", "0", "--jobs 0 is out of range")]
    [InlineData("--shrink-budget", "-1", "--shrink-budget -1 is out of range")]
    [InlineData("--until", "3h", "--until goes with --topology")]
    public void Bad_input_exits_2_with_a_clear_message_and_runs_nothing(string option, string value, string message)
    {
        var (exit, stdout, stderr) = CliHarness.Invoke("chaos", option, value);
        Assert.Equal(2, exit);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
        Assert.Equal("", stdout);
    }

    [Fact]
    public void Set_overrides_a_timing_in_every_run_and_the_quiet_period_follows_it()
    {
        // icsa-interval 10m instead of 30m: the quiet period is 20 minutes shorter (57m -> 37m).
        string[] common = ["chaos", "--topology", "lab", "--until", "2h", "--seeds", "1", "--shrink-budget", "0", "--json"];
        var (exit, json, stderr) = CliHarness.Invoke([.. common, "--set", "timings.icsa-interval=10m"]);
        Assert.True(exit is 0 or 1, stderr);
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal("37m", doc.RootElement.GetProperty("quietPeriod").GetString());

        var (bad, stdout, error) = CliHarness.Invoke([.. common, "--set", "timings.icsa-interval=soon"]);
        Assert.Equal(2, bad);
        Assert.Contains("--set timings.icsa-interval=soon", error, StringComparison.Ordinal);
        Assert.Equal("", stdout);
    }

    [Fact]
    public void A_horizon_too_short_for_faults_is_bad_input()
    {
        var (exit, _, stderr) = CliHarness.Invoke("chaos", "--topology", "lab", "--until", "1h");
        Assert.Equal(2, exit);
        Assert.Contains("leaves no room for faults", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_output_does_not_depend_on_jobs_and_the_report_and_json_are_written()
    {
        string[] common = ["chaos", "--topology", "lab", "--until", "2h", "--seeds", "3", "--first-seed", "4", "--intensity", "3", "--shrink-budget", "0"];
        var (exit1, one, _) = CliHarness.Invoke([.. common, "--jobs", "1"]);
        var report = Path.Combine(_dir.FullName, "report");
        var (exit2, two, _) = CliHarness.Invoke([.. common, "--jobs", "2", "--report", report]);
        Assert.Equal(exit1, exit2);
        Assert.InRange(exit1, 0, 1);
        static string WithoutWall(string s) => string.Join("\n", s.Split('\n').Where(l => !l.Contains(" s wall", StringComparison.Ordinal)));
        Assert.Equal(WithoutWall(one), WithoutWall(two));
        Assert.Contains("chaos chaos-workload: 3 runs (seeds 4..6)", one, StringComparison.Ordinal);
        Assert.Contains("runs/s", one, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(report, "report.html")));
        var junit = File.ReadAllText(Path.Combine(report, "junit.xml"));
        Assert.Contains("name=\"seed 4\"", junit, StringComparison.Ordinal);
        Assert.Contains("name=\"seed 6\"", junit, StringComparison.Ordinal);

        var (exit3, json, _) = CliHarness.Invoke([.. common, "--json"]);
        Assert.Equal(exit1, exit3);
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal(3, doc.RootElement.GetProperty("runs").GetInt32());
        Assert.Equal("57m", doc.RootElement.GetProperty("quietPeriod").GetString());
    }
}
