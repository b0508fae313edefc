using System.Security.Cryptography;
using System.Text.Json;

namespace ImpClusterSim.Cli.Tests.Run;

public sealed class RunCommandTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("impsim-run-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string PathOf(string name) => Path.Combine(_dir.FullName, name);

    private static JsonElement Json(string stdout) => JsonDocument.Parse(stdout).RootElement;

    [Fact]
    public void Json_summary_reports_seed_virtual_and_wall_seconds_messages_and_trace_hash()
    {
        var (exit, stdout, _) = CliHarness.Invoke("run", "--seed", "11", "--until", "6h", "--json");
        Assert.Equal(0, exit);
        var json = Json(stdout);
        Assert.Equal(11UL, json.GetProperty("seed").GetUInt64());
        Assert.Equal(6 * 3600, json.GetProperty("virtualSeconds").GetDouble());
        Assert.True(json.GetProperty("wallSeconds").GetDouble() > 0);
        Assert.True(json.GetProperty("messagesDelivered").GetInt64() > 10_000);
        // The default deployment's partition between two IM&P clusters drops messages.
        Assert.True(json.GetProperty("messagesDropped").GetInt64() > 0);
        Assert.Matches("^[0-9a-f]{64}$", json.GetProperty("traceHash").GetString());
        Assert.Equal(20, json.GetProperty("nodes").GetInt32());
    }

    [Fact]
    public void The_same_seed_writes_identical_trace_files_and_another_seed_a_different_one()
    {
        CliHarness.Invoke("run", "--seed", "7", "--until", "4h", "--trace", PathOf("a.jsonl"), "--json");
        CliHarness.Invoke("run", "--seed", "7", "--until", "4h", "--trace", PathOf("b.jsonl"), "--json");
        CliHarness.Invoke("run", "--seed", "8", "--until", "4h", "--trace", PathOf("c.jsonl"), "--json");
        var a = File.ReadAllBytes(PathOf("a.jsonl"));
        Assert.Equal(a, File.ReadAllBytes(PathOf("b.jsonl")));
        Assert.NotEqual(a, File.ReadAllBytes(PathOf("c.jsonl")));
    }

    [Fact]
    public void The_reported_trace_hash_is_the_sha256_of_the_trace_file()
    {
        var (_, stdout, _) = CliHarness.Invoke("run", "--seed", "3", "--until", "3h", "--trace", PathOf("t.jsonl"), "--json");
        var hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(PathOf("t.jsonl"))));
        Assert.Equal(hash, Json(stdout).GetProperty("traceHash").GetString());
        Assert.Contains("--seed 3", Json(stdout).GetProperty("replay").GetString());
    }

    [Fact]
    public void The_timeline_shows_the_partition_and_its_heal_and_the_summary_the_replay_command()
    {
        var (exit, stdout, _) = CliHarness.Invoke("run", "--seed", "5", "--until", "4h");
        Assert.Equal(0, exit);
        Assert.Contains("partition-started", stdout);
        Assert.Contains("partition-healed", stdout);
        Assert.Contains("Not", stdout); // "Not reachable" during the partition (the table may wrap it)
        Assert.Contains("replay: impsim run --seed 5 --until 4h", stdout);
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
}
