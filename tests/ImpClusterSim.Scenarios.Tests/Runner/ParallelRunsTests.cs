using ImpClusterSim.Scenarios.BuiltIn;
using ImpClusterSim.Scenarios.Runner;

namespace ImpClusterSim.Scenarios.Tests.Runner;

public sealed class ParallelRunsTests
{
    [Fact]
    public void Results_come_back_in_item_order_whatever_the_number_of_threads()
    {
        var items = Enumerable.Range(0, 40).ToList();
        // Later items finish first: without the ordering the result would come back reversed.
        int Slow(int i)
        {
            Thread.SpinWait((40 - i) * 20_000);
            return i * i;
        }

        var expected = items.Select(i => i * i).ToArray();
        Assert.Equal(expected, ParallelRuns.Play(items, 1, Slow).ToArray());
        Assert.Equal(expected, ParallelRuns.Play(items, 4, Slow).ToArray());
    }

    [Fact]
    public void Progress_counts_every_run_once_up_to_the_total()
    {
        var seen = new List<int>();
        ParallelRuns.Play(Enumerable.Range(0, 25).ToList(), 3, i => i, seen.Add);
        Assert.Equal(Enumerable.Range(1, 25), seen);
    }

    [Fact]
    public void The_first_failure_in_item_order_is_rethrown()
    {
        var e = Assert.Throws<InvalidOperationException>(() =>
            ParallelRuns.Play(Enumerable.Range(0, 10).ToList(), 1, i => i == 3 ? throw new InvalidOperationException("run 3") : i));
        Assert.Equal("run 3", e.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(ParallelRuns.MaxJobs + 1)]
    public void Jobs_out_of_range_are_refused(int jobs) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ParallelRuns.Play([1], jobs, i => i));

    [Fact]
    public void Scenario_runs_on_two_threads_give_the_same_trace_hashes_as_one_after_another()
    {
        var scenario = DefaultScenario.Load() with { Until = TimeSpan.FromHours(2) };
        var seeds = new ulong[] { 1, 2, 3, 4 };
        string[] Hashes(int jobs) => [.. ParallelRuns.Play(seeds, jobs, s => ScenarioRunner.Run(scenario, s).TraceHash)];
        var serial = Hashes(1);
        Assert.Equal(serial, Hashes(2));
        Assert.Equal(4, serial.Distinct().Count());
    }
}
