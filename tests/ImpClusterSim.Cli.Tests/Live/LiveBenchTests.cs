using ImpClusterSim.Cli.Tests.Run;

namespace ImpClusterSim.Cli.Tests.Live;

/// <summary>
/// `impsim bench --live` on two node processes running the platform: it prints each figure (every platform service
/// Started on both), stops every process, refuses bad input.
/// </summary>
[Collection("live processes")]
public sealed class LiveBenchTests
{
    [Fact]
    public void Bench_live_prints_start_up_and_memory_of_each_node_process_and_stops_them()
    {
        var basePort = LiveTestSupport.FreePortRange(3);
        var (exit, stdout, stderr) = CliHarness.Invoke("bench", "--live", "--nodes", "2", "--run-for", "1", "--base-port", basePort.ToString());

        Assert.Empty(LiveTestSupport.ProcessesMentioning(Path.Combine(Path.GetTempPath(), "impsim-bench-live-" + Environment.ProcessId)));
        Assert.True(exit == 0, $"exit {exit}\n{stdout}\n{stderr}");
        Assert.Matches(@"\(a\) 2 node processes Up in \d+\.\d s wall", stdout);
        Assert.Matches(@"\(b\) resident memory per node process when Up: min \d+ MB, median \d+ MB, max \d+ MB \(\S+\), total \d+ MB for 2 processes", stdout);
        Assert.Contains("running the platform", stdout);
        Assert.Matches(@"\(c\) every node's platform services Started \d+\.\d s wall after", stdout);
        Assert.Matches(@"\(d\) resident memory per node process after \d+ s wall of services", stdout);
        Assert.Matches(@"node traffic in that time: \d+ messages sent", stdout);
        Assert.Contains("(e) every node process stopped", stdout);
        Assert.DoesNotContain("PKI", stdout);
    }

    [Theory]
    [InlineData("--nodes", "1", "--nodes 1 is out of range")]
    [InlineData("--run-for", "-1", "--run-for -1 is out of range")]
    [InlineData("--base-port", "65530", "--base-port 65530 is out of range")]
    public void Bench_live_refuses_bad_input_with_exit_2(string option, string value, string message)
    {
        var (exit, _, stderr) = CliHarness.Invoke("bench", "--live", option, value);
        Assert.Equal(2, exit);
        Assert.Contains(message, stderr);
    }
}
