using ImpClusterSim.Cli.Bench;

namespace ImpClusterSim.Cli.Tests.Bench;

public sealed class ThroughputMeasurementTests
{
    [Fact]
    public void Figure_b_gives_the_kernel_rate_and_its_ratios_to_a_stock_system_by_wall_time_and_by_cpu_time()
    {
        var throughput = KernelBenchmark.Measurements(throughputPairs: 10, messagesPerPair: 5_000).Single(m => m.Id == "throughput");

        var figures = throughput.Measure().ToDictionary(s => s.Figure.Id, s => s.Value);

        Assert.Equal(["kernel-msg-rate", "kernel-stock-ratio", "kernel-stock-ratio-per-cpu"], figures.Keys.Order());
        Assert.All(figures.Values, v => Assert.True(double.IsFinite(v) && v > 0, $"figure value {v}"));
        // 50,000 messages on one loop thread: even a loaded test machine does more than 10,000 a second.
        Assert.True(figures["kernel-msg-rate"] > 10_000, $"kernel rate {figures["kernel-msg-rate"]}");
    }
}
