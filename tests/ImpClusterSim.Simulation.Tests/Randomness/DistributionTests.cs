using ImpClusterSim.Simulation.Randomness;

namespace ImpClusterSim.Simulation.Tests.Randomness;

public sealed class DistributionTests
{
    private const int N = 20_000;

    private static SeededRandom Stream(string name) => new RunRandomness(2026).Stream(name);

    [Fact]
    public void NextDouble_is_in_unit_interval_with_mean_one_half()
    {
        var r = Stream("double");
        var xs = Enumerable.Range(0, N).Select(_ => r.NextDouble()).ToArray();
        Assert.All(xs, x => Assert.InRange(x, 0.0, 0.9999999999999999));
        var bound = 5 * Math.Sqrt(1.0 / 12 / N);
        Assert.InRange(xs.Average(), 0.5 - bound, 0.5 + bound);
    }

    [Fact]
    public void NextInt64_stays_in_range_and_hits_every_value()
    {
        var r = Stream("int");
        var counts = new int[7];
        for (var i = 0; i < N; i++)
        {
            var v = r.NextInt64(-3, 4);
            Assert.InRange(v, -3, 3);
            counts[v + 3]++;
        }
        var p = 1.0 / 7;
        var bound = 5 * Math.Sqrt(N * p * (1 - p));
        Assert.All(counts, c => Assert.InRange(c, N * p - bound, N * p + bound));
        Assert.Equal(10, r.NextInt64(10, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => r.NextInt64(5, 4));
    }

    [Fact]
    public void NextInt64_handles_the_full_range()
    {
        var r = Stream("wide");
        var values = Enumerable.Range(0, 100).Select(_ => r.NextInt64(long.MinValue, long.MaxValue)).ToArray();
        Assert.Contains(values, v => v < 0);
        Assert.Contains(values, v => v > 0);
    }

    [Fact]
    public void Bernoulli_follows_its_rate()
    {
        var r = Stream("bernoulli");
        const double p = 0.1;
        var hits = Enumerable.Range(0, N).Count(_ => r.Bernoulli(p));
        var bound = 5 * Math.Sqrt(p * (1 - p) / N);
        Assert.InRange((double)hits / N, p - bound, p + bound);
        Assert.Equal(0, Enumerable.Range(0, 1000).Count(_ => r.Bernoulli(0)));
        Assert.True(Enumerable.Range(0, 1000).All(_ => r.Bernoulli(1)));
    }

    [Fact]
    public void NextDuration_is_inclusive_of_both_ends()
    {
        var r = Stream("duration");
        var min = TimeSpan.FromTicks(10);
        var max = TimeSpan.FromTicks(13);
        var seen = new SortedSet<long>();
        for (var i = 0; i < 1000; i++)
        {
            var d = r.NextDuration(min, max);
            Assert.InRange(d, min, max);
            seen.Add(d.Ticks);
        }
        Assert.Equal([10L, 11L, 12L, 13L], seen);
        Assert.Equal(min, r.NextDuration(min, min));
    }

    [Fact]
    public void Normal_has_its_mean_and_standard_deviation()
    {
        var r = Stream("normal");
        var xs = Enumerable.Range(0, N).Select(_ => r.NextNormal(10, 2)).ToArray();
        var mean = xs.Average();
        var sd = Math.Sqrt(xs.Select(x => (x - mean) * (x - mean)).Sum() / (N - 1));
        Assert.InRange(mean, 10 - 5 * 2 / Math.Sqrt(N), 10 + 5 * 2 / Math.Sqrt(N));
        Assert.InRange(sd, 2 * 0.95, 2 * 1.05);
    }

    [Fact]
    public void NextBytes_is_deterministic_and_fills_odd_lengths()
    {
        var a = new byte[13];
        var b = new byte[13];
        Stream("bytes").NextBytes(a);
        Stream("bytes").NextBytes(b);
        Assert.Equal(a, b);
        Assert.Contains(a[8..], x => x != 0);
    }

    [Fact]
    public void StableHash_is_fixed_and_order_sensitive()
    {
        Assert.Equal(StableHash.Of("imp-a-pub"), StableHash.Of(new string("imp-a-pub".ToCharArray())));
        Assert.NotEqual(StableHash.Of("imp-a-pub"), StableHash.Of("imp-a-sub"));
        Assert.NotEqual(StableHash.Combine(StableHash.Combine(0, 1), 2), StableHash.Combine(StableHash.Combine(0, 2), 1));
        var longText = new string('x', 1000) + "é";
        Assert.Equal(StableHash.Of(longText), StableHash.Of(longText + "")); // heap path for long strings
        Assert.Equal(GoldenFnv, StableHash.Of("cisco-tomcat"));
    }

    private const ulong GoldenFnv = 17038559718335217623;
}
