using ImpClusterSim.Cli.Tests.Live;
using ImpClusterSim.Cli.Tests.Run;

namespace ImpClusterSim.Cli.Tests.Distributed;

/// <summary>Chaos across two local workers: the seeds and then the shrinking on the workers, with the local run's answer.</summary>
[Collection("live processes")]
public sealed class DistributedChaosTests : IDisposable
{
    private readonly string _dir = LiveTestSupport.NewDirectory("distributed-chaos");

    public void Dispose() => LiveTestSupport.DeleteQuietly(_dir);

    [Fact]
    public void Two_local_workers_give_the_local_verdicts_and_the_same_shrunk_scenarios()
    {
        var scenario = DistributedTestSupport.WriteScenario(_dir);
        var localOut = Path.Combine(_dir, "local");
        var clusterOut = Path.Combine(_dir, "cluster");
        string[] Args(string dir) => ["chaos", scenario, "--seeds", "4", "--shrink-budget", "4", "--out", dir, "--json"];
        var (localExit, local, _) = CliHarness.Invoke(Args(localOut));
        var (exit, distributed, err) = CliHarness.Invoke([.. Args(clusterOut), "--local-workers", "2"]);

        Assert.True(exit == localExit, err);
        Assert.Equal(WithoutWallFigures(local.Replace(localOut, clusterOut, StringComparison.Ordinal)), WithoutWallFigures(distributed));
        // The comparison can fail: some seeds fail and their first failure of each signature was shrunk on a worker.
        Assert.Contains("\"minimalFaults\"", distributed);
        var shrunk = Directory.GetFiles(clusterOut).Select(Path.GetFileName).Order().ToList();
        Assert.NotEmpty(shrunk);
        Assert.Equal(Directory.GetFiles(localOut).Select(Path.GetFileName).Order(), shrunk);
        foreach (var name in shrunk)
            // Each file's header names the command that replays it, with its own path: the two differ only there.
            Assert.Equal(File.ReadAllText(Path.Combine(localOut, name!)).Replace(localOut, clusterOut, StringComparison.Ordinal),
                File.ReadAllText(Path.Combine(clusterOut, name!)));
        Assert.Empty(DistributedTestSupport.OurWorkers());
    }

    private static string WithoutWallFigures(string json) =>
        string.Join('\n', json.Split('\n').Where(l => !l.Contains("\"wallSeconds\"", StringComparison.Ordinal) && !l.Contains("\"runsPerSecond\"", StringComparison.Ordinal)));
}
