using ImpClusterSim.Live;
using ImpClusterSim.Live.Coordinator;

namespace ImpClusterSim.Cli.Tests.Live;

/// <summary>
/// Across machines, on one: two `impsim node` processes with their own ports, the second joining the first with
/// --hostname and --seed-nodes as an operator would from another host; their publishers' agents then sync.
/// </summary>
[Collection("live processes")]
public sealed class TwoHostsTests : IDisposable
{
    private readonly string _dir = LiveTestSupport.NewDirectory("live-hosts");

    [Fact]
    public async Task A_node_started_with_seed_nodes_joins_the_other_host_and_the_publishers_sync()
    {
        var data = Path.Combine(_dir, "data");
        var port = LiveTestSupport.FreePortRange(2);
        var launch = NodeLaunch.For(typeof(ImpsimCommand).Assembly.Location);
        string[] Args(string name, int p, string? seeds) =>
        [
            "node", "--topology", "two-clusters", "--name", name, "--hostname", "127.0.0.1", "--port", p.ToString(),
            "--data", data, "--speed", "600", .. seeds is null ? Array.Empty<string>() : ["--seed-nodes", seeds],
        ];
        using var first = new LiveNodeProcess("imp-a-pub", port, launch, Args("imp-a-pub", port, null));
        using var second = new LiveNodeProcess("imp-b-pub", port + 1, launch, Args("imp-b-pub", port + 1, LiveHocon.AddressOf("127.0.0.1", port)));
        try
        {
            first.Start();
            second.Start();
            await WaitFor(() => first.Output.Contains($"node imp-a-pub Up at akka.tcp://impsim@127.0.0.1:{port}"), first, "the first host Up");
            await WaitFor(() => second.Output.Contains("node imp-b-pub Up"), second, "the second host Up");
            await WaitFor(() => first.Output.Contains("peer-status peer=imp-b-pub, status=Connected"), first, "imp-a-pub's agent reaches imp-b-pub");
            await WaitFor(() => second.Output.Contains("peer-status peer=imp-a-pub, status=Connected"), second, "imp-b-pub's agent reaches imp-a-pub");
        }
        finally
        {
            first.Kill();
            second.Kill();
            Assert.Empty(LiveTestSupport.ProcessesMentioning(data));
        }
    }

    private static async Task WaitFor(Func<bool> condition, LiveNodeProcess process, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline || !process.IsRunning) Assert.Fail($"{what}: not seen (running: {process.IsRunning})\n{process.Tail}");
            await Task.Delay(50);
        }
    }

    public void Dispose() => LiveTestSupport.DeleteQuietly(_dir);
}

[CollectionDefinition("live processes", DisableParallelization = true)]
public sealed class LiveProcessesCollection;
