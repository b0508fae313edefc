using ImpClusterSim.Scenarios.Studies;

namespace ImpClusterSim.Scenarios.Tests.Studies;

public sealed class WilsonIntervalTests
{
    [Theory]
    // Reference values: the Wilson score interval at z = 1.96; 0/n and n/n bounds are n/(n+z²) in closed form.
    [InlineData(0, 10, 0.0, 0.27753)]
    [InlineData(10, 10, 0.72247, 1.0)]
    [InlineData(5, 10, 0.23659, 0.76341)]
    [InlineData(81, 263, 0.25529, 0.36621)] // Newcombe (1998), Statistics in Medicine 17, table I: 0.2553-0.3662
    [InlineData(200, 200, 0.981154, 1.0)]
    public void The_interval_matches_the_reference(int k, int n, double low, double high)
    {
        var w = WilsonInterval.Of(k, n);
        Assert.Equal(low, w.Low, 4);
        Assert.Equal(high, w.High, 4);
        Assert.InRange(w.Share, w.Low, w.High);
    }

    [Fact]
    public void Bad_counts_are_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => WilsonInterval.Of(3, 2));
}
