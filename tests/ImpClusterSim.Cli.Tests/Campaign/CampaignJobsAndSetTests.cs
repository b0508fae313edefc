using ImpClusterSim.Cli.Tests.Run;

namespace ImpClusterSim.Cli.Tests.Campaign;

public sealed class CampaignJobsAndSetTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("impsim-campaign-jobs-");

    public void Dispose() => _dir.Delete(recursive: true);

    /// <summary>A short scenario whose assumption depends on the periodic sync interval.</summary>
    private string Scenario()
    {
        var path = Path.Combine(_dir.FullName, "short.yaml");
        File.WriteAllText(path, """
            name: short
            until: 2h
            deployment:
              topology: lab
            steps:
              - label: peers
                at: 10m
                publisher-of: imp-a
                add-peer: { peer: imp-b, protocol: TLS }
              - publisher-of: imp-b
                add-peer: { peer: imp-a, protocol: TLS }
            expect:
              - within: 30m
                after: peers
                peer-status: { cluster: imp-a, peer: imp-b, equals: Connection is secure }
            """);
        return path;
    }

    private static string WithoutWallLine(string stdout) =>
        string.Join('\n', stdout.Split('\n').Where(l => !l.Contains(" s wall", StringComparison.Ordinal)));

    [Fact]
    public void The_output_does_not_depend_on_the_number_of_jobs()
    {
        var scenario = Scenario();
        var (exit1, out1, _) = CliHarness.Invoke("campaign", scenario, "--seeds", "4", "--jobs", "1");
        var (exit2, out2, _) = CliHarness.Invoke("campaign", scenario, "--seeds", "4", "--jobs", "3");
        Assert.Equal(exit1, exit2);
        Assert.Equal(WithoutWallLine(out1), WithoutWallLine(out2));
        Assert.Contains("4 runs of short (seeds 1..4)", out1);
    }

    [Fact]
    public void Jobs_out_of_range_are_bad_input()
    {
        var (exit, stdout, stderr) = CliHarness.Invoke("campaign", "--seeds", "2", "--jobs", "0");
        Assert.Equal(2, exit);
        Assert.Contains("--jobs 0 is out of range (1 to 256)", stderr);
        Assert.Empty(stdout);
    }

    [Fact]
    public void A_bad_set_on_campaign_is_bad_input_and_runs_nothing()
    {
        var (exit, stdout, stderr) = CliHarness.Invoke("campaign", Scenario(), "--seeds", "2", "--set", "network.loss=150%");
        Assert.Equal(2, exit);
        Assert.Contains("--set network.loss=150%: ", stderr);
        Assert.Empty(stdout);
    }

    [Fact]
    public void Run_takes_set_and_its_replay_command_carries_it()
    {
        var (exit, stdout, stderr) = CliHarness.Invoke("run", Scenario(), "--set", "timings.peer-status-refresh=20s", "--json");
        Assert.True(exit == 0, stderr);
        Assert.Contains("--set timings.peer-status-refresh=20s", stdout);
    }

    [Fact]
    public void Run_with_an_unknown_setting_lists_the_keys()
    {
        var (exit, stdout, stderr) = CliHarness.Invoke("run", Scenario(), "--set", "timings.panel=20s");
        Assert.Equal(2, exit);
        Assert.Contains("unknown setting 'timings.panel'; settings: timings.icsa-interval,", stderr);
        Assert.Empty(stdout);
    }
}
