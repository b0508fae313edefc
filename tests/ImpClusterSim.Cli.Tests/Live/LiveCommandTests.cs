using System.Text.Json;
using ImpClusterSim.Cli.Tests.Run;

namespace ImpClusterSim.Cli.Tests.Live;

/// <summary>
/// `impsim live` end to end: four `impsim node` processes on loopback form an Akka.Cluster with the coordinator, the
/// showcase's skew, cut and kill -9 are played in scaled wall time, every check queries the nodes, and no process is
/// left behind, whatever the outcome.
/// </summary>
[Collection("live processes")]
public sealed class LiveCommandTests : IDisposable
{
    private readonly string _dir = LiveTestSupport.NewDirectory("live-command");

    [Fact]
    public void A_four_process_live_deployment_passes_every_check_and_leaves_no_process_running()
    {
        var topology = LiveTestSupport.WriteTopology(_dir, LiveTestSupport.FourNodes);
        var data = Path.Combine(_dir, "data");
        var basePort = LiveTestSupport.FreePortRange(5);
        var (exit, stdout, stderr) = CliHarness.Invoke("live", "--topology", topology, "--speed", "240", "--base-port", basePort.ToString(),
            "--data", data, "--json", "--up-within", "120");

        Assert.Empty(LiveTestSupport.ProcessesMentioning(data));
        Assert.True(exit == 0, $"exit {exit}\n{stdout}\n{stderr}");
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal("live", root.GetProperty("mode").GetString());
        Assert.False(root.GetProperty("replayable").GetBoolean());
        Assert.Equal(4, root.GetProperty("nodes").GetInt32());
        var checks = root.GetProperty("expectations").EnumerateArray().ToArray();
        Assert.Equal(5, checks.Length);
        Assert.All(checks, c => Assert.True(c.GetProperty("passed").GetBoolean(), c.GetProperty("check").GetString() + ": " + c.GetProperty("detail").GetString()));
        Assert.Contains(checks, c => c.GetProperty("detail").GetString()!.Contains("incarnation 1 -> 2", StringComparison.Ordinal));
        // One SQLite file per node.
        Assert.Equal(["cucm-pub.db", "imp-a-pub.db", "imp-a-sub1.db", "imp-b-pub.db"],
            Directory.GetFiles(data, "*.db").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray());
    }

    [Theory]
    [InlineData("--speed", "0", "--speed 0 is out of range")]
    [InlineData("--base-port", "80", "--base-port 80 is out of range")]
    [InlineData("--topology", "no-such-topology", "not an embedded topology")]
    public void Bad_options_are_refused_with_exit_2(string option, string value, string message)
    {
        var (exit, _, stderr) = CliHarness.Invoke("live", option, value);
        Assert.Equal(2, exit);
        Assert.Contains(message, stderr);
    }

    [Theory]
    [InlineData(new[] { "--name", "nobody", "--port", "30000" }, "'nobody' is not a node of the topology")]
    [InlineData(new[] { "--name", "imp-a-pub", "--port", "70000" }, "--port 70000 is out of range")]
    [InlineData(new[] { "--name", "imp-a-pub", "--port", "30000", "--seed-nodes", "http://x:1" }, "is not an address like akka.tcp://impsim@HOST:PORT")]
    public void Node_refuses_bad_input_with_exit_2(string[] args, string message)
    {
        var (exit, _, stderr) = CliHarness.Invoke(["node", .. args]);
        Assert.Equal(2, exit);
        Assert.Contains(message, stderr);
    }

    public void Dispose() => LiveTestSupport.DeleteQuietly(_dir);
}
