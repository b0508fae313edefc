using System.Globalization;
using System.Net.Sockets;
using ImpClusterSim.Cli.Tests.Common;
using ImpClusterSim.Cli.Tests.Live;

namespace ImpClusterSim.Cli.Tests.Distributed;

/// <summary>A short scenario that fails in some seeds (its window is shorter than the sync in some worlds), on a topology file.</summary>
internal static class DistributedTestSupport
{
    /// <summary>Writes short.yaml and topo.yaml (the lab topology) into <paramref name="dir"/>; returns the scenario's path.</summary>
    /// <param name="until">The run's horizon: longer runs make each seed take more wall time.</param>
    public static string WriteScenario(string dir, string within = "35s", string until = "2h")
    {
        File.Copy(RepoRoot.File("configs", "topologies", "lab.yaml"), Path.Combine(dir, "topo.yaml"), overwrite: true);
        var path = Path.Combine(dir, "short.yaml");
        File.WriteAllText(path, $"""
            name: short
            until: {until}
            deployment:
              topology: topo.yaml
            steps:
              - label: peers
                at: 10m
                publisher-of: imp-a
                add-peer: {"{"} peer: imp-b, protocol: TLS {"}"}
              - publisher-of: imp-b
                add-peer: {"{"} peer: imp-a, protocol: TLS {"}"}
            expect:
              - within: {within}
                after: peers
                peer-status: {"{"} cluster: imp-a, peer: imp-b, equals: Connection is secure {"}"}
            """);
        return path;
    }

    /// <summary>Worker processes this test process started (they carry its id as --parent-pid).</summary>
    public static IReadOnlyList<int> OurWorkers() =>
        LiveTestSupport.ProcessesMentioning($"--parent-pid {Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>Polls until <paramref name="condition"/> holds; fails naming <paramref name="what"/> after <paramref name="bound"/>.</summary>
    public static async Task WaitFor(Func<bool> condition, string what, TimeSpan bound)
    {
        var deadline = DateTime.UtcNow + bound;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"not within {bound.TotalSeconds:0} s: {what}");
            await Task.Delay(20);
        }
    }

    /// <summary>True when something listens on 127.0.0.1:<paramref name="port"/>.</summary>
    public static bool Listening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
