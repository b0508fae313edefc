using ImpClusterSim.Cli.Common;
using System.Security.Cryptography;
using System.Text.Json;

namespace ImpClusterSim.Cli.Tests.Run;

/// <summary>`impsim run` without a scenario: the embedded CA-signed Tomcat rollout with its partition; and the showcase with --topology.</summary>
public sealed class RunCommandTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("impsim-run-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string PathOf(string name) => Path.Combine(_dir.FullName, name);

    private static JsonElement Json(string stdout) => JsonDocument.Parse(stdout).RootElement;

    [Fact]
    public void Json_summary_reports_seed_virtual_and_wall_seconds_messages_trace_hash_and_expectations()
    {
        var (exit, stdout, _) = CliHarness.Invoke("run", "--seed", "11", "--json");
        Assert.Equal(0, exit);
        var json = Json(stdout);
        Assert.Equal("ca-signed-tomcat", json.GetProperty("scenario").GetString());
        Assert.Equal(11UL, json.GetProperty("seed").GetUInt64());
        Assert.Equal(8 * 3600, json.GetProperty("virtualSeconds").GetDouble());
        Assert.True(json.GetProperty("wallSeconds").GetDouble() > 0);
        Assert.True(json.GetProperty("messagesDelivered").GetInt64() > 1_000);
        // The partition between the two IM&P clusters during the CA sync drops messages.
        Assert.True(json.GetProperty("messagesDropped").GetInt64() > 0);
        Assert.Matches("^[0-9a-f]{64}$", json.GetProperty("traceHash").GetString());
        Assert.Equal(8, json.GetProperty("nodes").GetInt32());
        Assert.True(json.GetProperty("passed").GetBoolean());
        var checks = json.GetProperty("checks").EnumerateArray().ToArray();
        Assert.True(checks.Length >= 8);
        Assert.All(checks.Where(c => c.GetProperty("kind").GetString() == "expectation"), c => Assert.True(c.GetProperty("passed").GetBoolean()));
        Assert.Contains(checks, c => c.GetProperty("kind").GetString() == "assumption" && !c.GetProperty("passed").GetBoolean() && c.GetProperty("result").GetString() == "BROKEN");
        Assert.Contains("ca-signed-tomcat.yaml:", checks[0].GetProperty("location").GetString());
    }

    [Fact]
    public void The_same_seed_writes_identical_trace_files_and_another_seed_a_different_one()
    {
        CliHarness.Invoke("run", "--seed", "7", "--until", "4h", "--trace", PathOf("a.jsonl"), "--json");
        CliHarness.Invoke("run", "--seed", "7", "--until", "4h", "--trace", PathOf("b.jsonl"), "--json");
        CliHarness.Invoke("run", "--seed", "8", "--until", "4h", "--trace", PathOf("c.jsonl"), "--json");
        var a = File.ReadAllBytes(PathOf("a.jsonl"));
        Assert.True(a.Length > 10_000);
        Assert.Equal(a, File.ReadAllBytes(PathOf("b.jsonl")));
        Assert.NotEqual(a, File.ReadAllBytes(PathOf("c.jsonl")));
    }

    [Fact]
    public void The_reported_trace_hash_is_the_sha256_of_the_trace_file()
    {
        var (exit, stdout, stderr) = CliHarness.Invoke("run", "--seed", "3", "--until", "3h", "--trace", PathOf("t.jsonl"), "--json");
        // A complete trace file is not a write failure (3h of the 8h scenario leaves checks open: exit 1, not 2).
        Assert.Equal(1, exit);
        Assert.DoesNotContain("--trace", stderr);
        var hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(PathOf("t.jsonl"))));
        Assert.Equal(hash, Json(stdout).GetProperty("traceHash").GetString());
        Assert.Contains("--seed 3", Json(stdout).GetProperty("replay").GetString());
    }

    [Fact]
    public void The_default_run_shows_the_ca_rollout_its_partition_and_its_outcome()
    {
        var (exit, stdout, _) = CliHarness.Invoke("run", "--seed", "5");
        Assert.Equal(0, exit);
        Assert.Contains("upload-trust", stdout);
        Assert.Contains("Example Corp Root CA", stdout);
        Assert.Contains("partition-started", stdout);
        Assert.Contains("partition-healed", stdout);
        Assert.Contains("Not reachable", stdout); // the panel during the partition
        Assert.Contains("certificate-exchange", stdout); // the CAs crossing after the heal
        Assert.Contains("upload-leaf", stdout);
        Assert.Contains("Checks", stdout);
        Assert.Contains("PASS", stdout);
        Assert.Contains("BROKEN (assumption)", stdout); // the 20-minute assumption does not survive the partition
        Assert.DoesNotContain("FAIL ", stdout);
        Assert.Contains("scenario ca-signed-tomcat: PASSED", stdout);
        Assert.Contains($"replay: {Invocation.Program} run --seed 5 --until 8h", stdout);
    }

    [Fact]
    public void With_a_topology_and_no_scenario_the_kernel_showcase_still_runs()
    {
        var (exit, stdout, _) = CliHarness.Invoke("run", "--topology", Path.Combine(RepoRoot(), "configs", "topologies", "default.yaml"), "--until", "4h", "--json");
        Assert.Equal(0, exit);
        Assert.Equal(20, Json(stdout).GetProperty("nodes").GetInt32());
        Assert.False(Json(stdout).TryGetProperty("expectations", out _));
    }

    [Theory]
    [InlineData("--until", "soon")]
    [InlineData("--until", "-5m")]
    [InlineData("--seed", "minus-one")]
    [InlineData("--no-such-option")]
    public void Bad_input_exits_2_with_a_message_and_no_stack_trace(params string[] args)
    {
        var (exit, _, stderr) = CliHarness.Invoke(["run", .. args]);
        Assert.Equal(2, exit);
        Assert.StartsWith("impsim: ", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    [Fact]
    public void An_invalid_topology_is_refused_with_file_line_and_column()
    {
        File.WriteAllText(PathOf("bad.yaml"), "imp-clusters:\n  - name: x\n    cucm-cluster: nowhere\n    nodes: 7\n");
        var (exit, _, stderr) = CliHarness.Invoke("run", "--topology", PathOf("bad.yaml"));
        Assert.Equal(2, exit);
        Assert.Matches(@"bad\.yaml:\d+:\d+: ", stderr);
    }

    internal static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ImpClusterSim.sln"))) return dir.FullName;
        throw new InvalidOperationException("ImpClusterSim.sln not found");
    }
}
