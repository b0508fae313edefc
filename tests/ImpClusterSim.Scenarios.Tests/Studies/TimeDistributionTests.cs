using ImpClusterSim.Scenarios.Studies;

namespace ImpClusterSim.Scenarios.Tests.Studies;

public sealed class TimeDistributionTests
{
    /// <summary>The reference: sort every sample (never = +∞) and take the ⌈p·n⌉-th, computed here independently.</summary>
    private static double Reference(IReadOnlyList<double> samples, double p)
    {
        var sorted = samples.OrderBy(x => x).ToArray();
        var rank = (int)Math.Ceiling(p * sorted.Length - 1e-9);
        return sorted[Math.Max(rank, 1) - 1];
    }

    [Fact]
    public void Percentiles_equal_a_reference_computation_on_the_raw_samples()
    {
        var random = new Random(42);
        foreach (var n in new[] { 1, 2, 7, 10, 19, 20, 99, 100, 101, 200, 1000 })
        {
            var raw = Enumerable.Range(0, n).Select(_ => random.Next(10) == 0 ? double.PositiveInfinity : random.Next(1, 3600_000)).ToList();
            var d = TimeDistribution.Of(raw.Select(x => double.IsInfinity(x) ? (TimeSpan?)null : TimeSpan.FromMilliseconds(x)));
            Assert.Equal(n, d.Count);
            foreach (var p in new[] { 0.5, 0.9, 0.95, 0.99, 1.0 })
            {
                var expected = Reference(raw, p);
                var actual = d.Percentile(p);
                if (double.IsInfinity(expected)) Assert.Null(actual);
                else Assert.Equal(TimeSpan.FromMilliseconds(expected), actual);
            }

            var max = raw.Max();
            Assert.Equal(double.IsInfinity(max) ? null : TimeSpan.FromMilliseconds(max), d.Max);
        }
    }

    [Theory]
    [InlineData(0.50, 2)]
    [InlineData(0.90, 10)]
    [InlineData(0.95, 20)]
    [InlineData(0.99, 100)]
    public void A_percentile_is_resolved_from_the_samples_it_needs(double p, int needed)
    {
        Assert.Equal(needed, TimeDistribution.SamplesToResolve(p));
        TimeDistribution Of(int n) => TimeDistribution.Of(Enumerable.Range(1, n).Select(i => (TimeSpan?)TimeSpan.FromSeconds(i)));
        Assert.False(Of(needed - 1).Resolves(p));
        Assert.True(Of(needed).Resolves(p));
        // Resolved means it is not merely the largest sample.
        Assert.True(Of(needed).Percentile(p) < Of(needed).Max);
    }

    [Fact]
    public void Runs_that_never_held_rank_above_every_time()
    {
        var d = TimeDistribution.Of([TimeSpan.FromMinutes(1), null, TimeSpan.FromMinutes(3), null]);
        Assert.Equal(2, d.Never);
        Assert.Equal(TimeSpan.FromMinutes(3), d.Percentile(0.5));
        Assert.Null(d.Percentile(0.9));
        Assert.Null(d.Max);
        Assert.Equal(0.25, d.ShareWithin(TimeSpan.FromMinutes(2)));
    }
}
