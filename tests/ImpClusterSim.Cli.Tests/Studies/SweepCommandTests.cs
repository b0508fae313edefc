using System.Text.Json;
using ImpClusterSim.Cli.Common;
using ImpClusterSim.Cli.Tests.Run;

namespace ImpClusterSim.Cli.Tests.Studies;

public sealed class SweepCommandTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("impsim-sweep-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string Scenario()
    {
        var path = Path.Combine(_dir.FullName, "refresh.yaml");
        File.WriteAllText(path, """
            name: refresh
            until: 40m
            deployment:
              topology: lab
            steps:
              - label: peers
                at: 10m
                publisher-of: imp-a
                add-peer: { peer: imp-b, protocol: TLS }
              - publisher-of: imp-b
                add-peer: { peer: imp-a, protocol: TLS }
            assumptions:
              - name: secure within 60 seconds
                within: 60s
                after: peers
                peer-status: { cluster: imp-a, peer: imp-b, equals: Connection is secure }
            """);
        return path;
    }

    [Fact]
    public void A_sweep_measures_each_value_over_the_seeds_and_writes_json_and_the_report()
    {
        var report = Path.Combine(_dir.FullName, "out");
        var (exit, stdout, stderr) = CliHarness.Invoke("sweep", Scenario(), "--set", "timings.peer-status-refresh=30s,2m", "--seeds", "2",
            "--jobs", "2", "--json", "--report", report);
        Assert.True(exit == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var points = json.RootElement.GetProperty("points");
        Assert.Equal(2, points.GetArrayLength());
        Assert.Equal("30s", points[0].GetProperty("settings").GetProperty("timings.peer-status-refresh").GetString());
        var fast = points[0].GetProperty("checks")[0];
        Assert.Equal(2, fast.GetProperty("held").GetInt32());
        Assert.True(fast.GetProperty("timeToCondition").GetProperty("p50").GetProperty("resolved").GetBoolean());
        Assert.False(fast.GetProperty("timeToCondition").GetProperty("p90").GetProperty("resolved").GetBoolean());
        Assert.Equal(0, points[1].GetProperty("checks")[0].GetProperty("held").GetInt32());
        Assert.Contains("4 runs (2 grid points × 2 seeds)", stderr);
        Assert.True(File.Exists(Path.Combine(report, "report.html")));
        Assert.Contains(System.Net.WebUtility.HtmlEncode($"{Invocation.Program} sweep " + Path.Combine(_dir.FullName, "refresh.yaml") + " --set timings.peer-status-refresh=30s,2m --seeds 2"),
            File.ReadAllText(Path.Combine(report, "report.html")));
    }

    [Fact]
    public void The_table_says_which_percentiles_the_sample_does_not_resolve()
    {
        var (exit, stdout, _) = CliHarness.Invoke("sweep", Scenario(), "--set", "timings.peer-status-refresh=30s", "--seeds", "2");
        Assert.Equal(0, exit);
        Assert.Contains("secure within 60 seconds", stdout);
        Assert.Contains("2 runs per point do not resolve p90 (needs 10), p95 (needs 20), p99 (needs 100)", stdout);
    }

    [Theory]
    [InlineData("timings.peer-status-refresh=30s,soon", "--set timings.peer-status-refresh=soon: ")]
    [InlineData("timings.refresh=30s", "unknown setting 'timings.refresh'; settings: ")]
    [InlineData("timings.peer-status-refresh=30s,,1m", "an empty value in the list")]
    public void Bad_values_are_bad_input_and_nothing_runs(string set, string message)
    {
        var (exit, stdout, stderr) = CliHarness.Invoke("sweep", Scenario(), "--set", set, "--seeds", "2");
        Assert.Equal(2, exit);
        Assert.Contains(message, stderr);
        Assert.Empty(stdout);
    }

    [Fact]
    public void Json_and_csv_go_one_at_a_time()
    {
        var (exit, _, stderr) = CliHarness.Invoke("sweep", Scenario(), "--seeds", "1", "--json", "--csv");
        Assert.Equal(2, exit);
        Assert.Contains("--json and --csv go one at a time", stderr);
    }
}
