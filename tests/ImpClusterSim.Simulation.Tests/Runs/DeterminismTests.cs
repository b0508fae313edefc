namespace ImpClusterSim.Simulation.Tests.Runs;

public sealed class DeterminismTests
{
    private static string TraceHashOf(int nodes, ulong seed, TimeSpan duration)
    {
        using var run = RunFixture.Skeleton(nodes, seed);
        // A partition between the first two clusters that heals, so the trace has faults in it.
        var clusters = run.Nodes.GroupBy(n => n.Cluster).Select(g => g.Select(n => n.Name).ToArray()).ToArray();
        if (clusters.Length > 1)
        {
            run.At(RunFixture.At(TimeSpan.FromMinutes(10)), () => run.Network.StartPartition("p1", clusters[0], clusters[1]));
            run.At(RunFixture.At(TimeSpan.FromMinutes(50)), () => run.Network.Heal("p1"));
        }
        run.RunUntil(RunFixture.At(duration));
        run.Network.TraceSummary();
        Assert.Equal(0, run.Kernel.ForeignEnqueues);
        Assert.True(run.Network.Stats.Delivered > 0);
        return run.Trace.Hash;
    }

    [Theory]
    [InlineData(6)]
    [InlineData(60)]
    [InlineData(300)]
    public void The_same_seed_gives_the_same_trace_hash(int nodes)
    {
        var duration = nodes >= 300 ? TimeSpan.FromMinutes(20) : TimeSpan.FromHours(2);
        Assert.Equal(TraceHashOf(nodes, 7, duration), TraceHashOf(nodes, 7, duration));
    }

    [Fact]
    public void Different_seeds_give_different_traces()
    {
        var duration = TimeSpan.FromHours(2);
        Assert.NotEqual(TraceHashOf(12, 7, duration), TraceHashOf(12, 8, duration));
    }
}
