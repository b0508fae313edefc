using ImpClusterSim.Cli.Common;
using System.Text.Json;

namespace ImpClusterSim.Cli.Tests.Run;

/// <summary>`impsim run SCENARIO`: validate (exit 2), play, print timeline, checks and summary; exit 0 or 1.</summary>
public sealed class RunScenarioCommandTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("impsim-scenario-");

    public void Dispose() => _dir.Delete(recursive: true);

    private static string Scenario(params string[] parts) => Path.Combine([RunCommandTests.RepoRoot(), "scenarios", .. parts]);

    [Fact]
    public void A_passing_scenario_exits_0_with_its_timeline_checks_and_replay_command()
    {
        var file = Scenario("login-banner.yaml");
        var (exit, stdout, _) = CliHarness.Invoke("run", file);
        Assert.Equal(0, exit);
        Assert.Contains("Timeline", stdout);
        Assert.Contains("banner", stdout);
        Assert.Contains("check-passed", stdout);
        Assert.Contains("scenario login-banner-every-node: PASSED (3 of 3 expectations held)", stdout);
        Assert.Contains($"replay: {Invocation.Program} run {file} --seed 11 --until 1h", stdout);
    }

    [Fact]
    public void A_broken_copy_exits_1_and_names_the_expectation_that_failed()
    {
        var text = File.ReadAllText(Scenario("failures", "peer-tomcat-regenerated.yaml"))
            .Replace("equals: Connection is secure }\n  - at: 2h30m", "equals: Connection is perfectly secure }\n  - at: 2h30m", StringComparison.Ordinal);
        Assert.Contains("perfectly", text);
        var copy = Path.Combine(_dir.FullName, "broken.yaml");
        File.WriteAllText(copy, text);

        var (exit, stdout, _) = CliHarness.Invoke("run", copy);
        Assert.Equal(1, exit);
        Assert.Contains("FAIL", stdout);
        Assert.Contains("the resync restores the secure status", stdout);
        Assert.Contains("scenario peer-tomcat-regenerated: FAILED", stdout);

        var (jsonExit, json, _) = CliHarness.Invoke("run", copy, "--json");
        Assert.Equal(1, jsonExit);
        var failed = JsonDocument.Parse(json).RootElement.GetProperty("checks").EnumerateArray()
            .Single(c => !c.GetProperty("passed").GetBoolean() && c.GetProperty("kind").GetString() == "expectation");
        Assert.StartsWith("the resync restores the secure status", failed.GetProperty("name").GetString());
        Assert.Contains("peer status was 'Connection is secure'", failed.GetProperty("detail").GetString());
    }

    [Fact]
    public void An_invalid_scenario_exits_2_with_every_error_at_file_line_and_column()
    {
        var bad = Path.Combine(_dir.FullName, "bad.yaml");
        File.WriteAllText(bad, "name: bad\ndeployment:\n  topology: lab\nsteps:\n  - at: 1h\n    node: imp-z-pub\n    restart-service: Cisco Tomcat\n  - node: imp-a-pub\n    frobnicate: yes\n");
        var (exit, stdout, stderr) = CliHarness.Invoke("run", bad);
        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Matches(@"bad\.yaml:6:\d+: ", stderr);
        Assert.Matches(@"bad\.yaml:9:5: unknown operation 'frobnicate'", stderr);
    }

    [Fact]
    public void A_missing_scenario_file_exits_2()
    {
        var (exit, _, stderr) = CliHarness.Invoke("run", Path.Combine(_dir.FullName, "nowhere.yaml"));
        Assert.Equal(2, exit);
        Assert.StartsWith("impsim: scenario file", stderr);
    }

    [Fact]
    public void Seed_and_until_override_the_scenarios_own()
    {
        var (_, stdout, _) = CliHarness.Invoke("run", Scenario("login-banner.yaml"), "--seed", "21", "--until", "40m", "--json");
        var json = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(21UL, json.GetProperty("seed").GetUInt64());
        Assert.Equal(40 * 60, json.GetProperty("virtualSeconds").GetDouble());
        Assert.Contains("--seed 21 --until 40m", json.GetProperty("replay").GetString());
    }

    [Fact]
    public void A_scenario_does_not_take_a_topology_option()
    {
        var (exit, _, stderr) = CliHarness.Invoke("run", Scenario("login-banner.yaml"), "--topology", "x.yaml");
        Assert.Equal(2, exit);
        Assert.Contains("--topology goes without a scenario", stderr);
    }
}
