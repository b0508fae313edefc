using ImpClusterSim.Cli.Common;
using ImpClusterSim.Cli.Tests.Run;

namespace ImpClusterSim.Cli.Tests.Campaign;

public sealed class CampaignCommandTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("impsim-campaign-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public void A_campaign_of_the_default_scenario_reports_each_check_over_the_seeds()
    {
        var (exit, stdout, _) = CliHarness.Invoke("campaign", "--seeds", "3", "--first-seed", "5");
        Assert.Equal(0, exit);
        Assert.Contains("the peers are secure after the bootstrap", stdout);
        Assert.Contains("3/3 (100 %)", stdout);
        Assert.Contains("3 runs of ca-signed-tomcat (seeds 5..7)", stdout);
        Assert.Contains("every expectation held in every seed", stdout);
    }

    [Fact]
    public void A_failing_expectation_fails_the_campaign_and_names_the_seeds_to_replay()
    {
        var scenario = Path.Combine(_dir.FullName, "never.yaml");
        File.WriteAllText(scenario, """
            name: never-secure
            until: 1h
            deployment:
              topology: lab
            expect:
              - at: 30m
                peer-status: { cluster: imp-a, peer: imp-b, equals: Connection is secure }
            """);
        var (exit, stdout, _) = CliHarness.Invoke("campaign", scenario, "--seeds", "2");
        Assert.Equal(1, exit);
        Assert.Contains("0/2 (0 %)", stdout);
        Assert.Contains($"FAILED seed 1: replay with {Invocation.Program} run " + scenario + " --seed 1", stdout);
        Assert.Contains($"FAILED seed 2: replay with {Invocation.Program} run " + scenario + " --seed 2", stdout);
        Assert.DoesNotContain("every expectation held", stdout);
    }

    [Fact]
    public void A_bad_seed_count_is_bad_input()
    {
        var (exit, stdout, stderr) = CliHarness.Invoke("campaign", "--seeds", "0");
        Assert.Equal(2, exit);
        Assert.Contains("--seeds 0 is out of range (1 to 100000)", stderr);
        Assert.Empty(stdout);
    }
}
