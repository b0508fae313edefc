using ImpClusterSim.Simulation.Network;

namespace ImpClusterSim.Simulation.Tests.Network;

public sealed class LinkBehaviourTests
{
    private const int N = 20_000;

    private static double FiveSigma(double p) => 5 * Math.Sqrt(p * (1 - p) / N);

    [Fact]
    public void Loss_follows_its_rate()
    {
        const double p = 0.1;
        var h = new NetworkHarness(NetworkHarness.Fixed(1) with { LossRate = p }).Up("a", "b");
        for (var i = 0; i < N; i++) h.Send("a", "b", i);
        h.RunAll();

        var s = h.Network.Stats;
        Assert.Equal(N, s.Sent);
        Assert.Equal(N, s.Delivered + s.DroppedByLoss);
        Assert.InRange((double)s.DroppedByLoss / N, p - FiveSigma(p), p + FiveSigma(p));
        Assert.Equal(0, s.InFlight);
    }

    [Fact]
    public void Duplication_follows_its_rate_and_duplicates_arrive_after_the_original()
    {
        const double p = 0.05;
        var h = new NetworkHarness(NetworkHarness.Fixed(1) with { DuplicationRate = p }).Up("a", "b");
        for (var i = 0; i < N; i++) h.Send("a", "b", i);
        h.RunAll();

        var s = h.Network.Stats;
        Assert.Equal(N + s.Duplicated, s.Delivered);
        Assert.InRange((double)s.Duplicated / N, p - FiveSigma(p), p + FiveSigma(p));
        var copies = h.Deliveries.GroupBy(d => (int)d.Envelope.Payload).Where(g => g.Count() == 2).ToArray();
        Assert.Equal(s.Duplicated, copies.Length);
        Assert.All(copies, g => Assert.True(g.First().At < g.Last().At));
    }

    [Fact]
    public void Reordering_follows_its_rate_and_held_back_messages_are_overtaken()
    {
        const double p = 0.2;
        var link = NetworkHarness.Fixed(1) with
        {
            ReorderRate = p,
            ReorderDelayMin = TimeSpan.FromMilliseconds(50),
            ReorderDelayMax = TimeSpan.FromMilliseconds(100),
        };
        var h = new NetworkHarness(link).Up("a", "b");
        for (var i = 0; i < N; i++) h.SendAt(NetworkHarness.Ms(i), "a", "b", i);
        h.RunAll();

        // A message is late if a later-sent one arrived before it; with 1 ms spacing and 50+ ms hold-back, exactly the
        // held-back messages are late.
        var late = 0;
        var highest = -1;
        foreach (var seq in h.Deliveries.Select(d => (int)d.Envelope.Payload))
        {
            if (seq < highest) late++;
            else highest = seq;
        }
        Assert.Equal(N, h.Deliveries.Count);
        Assert.InRange((double)late / N, p - FiveSigma(p), p + FiveSigma(p));
    }

    [Fact]
    public void Without_reordering_a_link_is_FIFO_even_with_widely_varying_latency()
    {
        var link = new LinkModel { Latency = LatencyDistribution.Uniform(TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(50)) };
        var h = new NetworkHarness(link).Up("a", "b", "c");
        for (var i = 0; i < 2000; i++)
        {
            h.SendAt(NetworkHarness.Ms(i * 0.25), "a", "b", i);
            h.SendAt(NetworkHarness.Ms(i * 0.25), "c", "b", i);
        }
        h.RunAll();

        foreach (var from in new[] { "a", "c" })
            Assert.Equal(Enumerable.Range(0, 2000), h.Deliveries.Where(d => d.From == from).Select(d => (int)d.Envelope.Payload));
        // The two links are independent: their messages interleave rather than queue behind each other.
        Assert.Equal(2, h.Deliveries.Take(100).Select(d => d.From).Distinct().Count());
    }

    [Fact]
    public void Uniform_latency_stays_in_its_range_and_covers_it()
    {
        var min = TimeSpan.FromMilliseconds(2);
        var max = TimeSpan.FromMilliseconds(7);
        var h = new NetworkHarness(new LinkModel { Latency = LatencyDistribution.Uniform(min, max) }).Up("a", "b");
        for (var i = 0; i < 5000; i++) h.SendAt(NetworkHarness.Ms(i * 10), "a", "b", NetworkHarness.Ms(i * 10));
        h.RunAll();

        var latencies = h.Deliveries.Select(d => d.At - (Domain.Time.SimInstant)d.Envelope.Payload).ToArray();
        Assert.Equal(5000, latencies.Length);
        Assert.All(latencies, l => Assert.InRange(l, min, max));
        Assert.True(latencies.Min() < min + TimeSpan.FromMilliseconds(0.05));
        Assert.True(latencies.Max() > max - TimeSpan.FromMilliseconds(0.05));
    }

    [Theory]
    [InlineData("normal")]
    [InlineData("lognormal")]
    public void Normal_and_lognormal_latency_have_their_mean_and_are_never_negative(string kind)
    {
        var mean = TimeSpan.FromMilliseconds(40);
        var sd = TimeSpan.FromMilliseconds(10);
        var dist = kind == "normal" ? LatencyDistribution.Normal(mean, sd) : LatencyDistribution.LogNormal(mean, sd);
        var h = new NetworkHarness(new LinkModel { Latency = dist }).Up("a", "b");
        for (var i = 0; i < N; i++) h.SendAt(NetworkHarness.Ms(i * 1000), "a", "b", NetworkHarness.Ms(i * 1000));
        h.RunAll();

        var ms = h.Deliveries.Select(d => (d.At - (Domain.Time.SimInstant)d.Envelope.Payload).TotalMilliseconds).ToArray();
        Assert.All(ms, x => Assert.True(x >= 0));
        var bound = 5 * 10 / Math.Sqrt(N);
        Assert.InRange(ms.Average(), 40 - bound, 40 + bound);
        var observedSd = Math.Sqrt(ms.Select(x => (x - ms.Average()) * (x - ms.Average())).Average());
        Assert.InRange(observedSd, 9.5, 10.5);
    }

    [Fact]
    public void Normal_latency_is_clamped_at_zero()
    {
        var dist = LatencyDistribution.Normal(TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(5));
        var random = new ImpClusterSim.Simulation.Randomness.RunRandomness(3).Stream("t");
        var samples = Enumerable.Range(0, 1000).Select(_ => dist.Sample(random)).ToArray();
        Assert.All(samples, s => Assert.True(s >= TimeSpan.Zero));
        Assert.Contains(samples, s => s == TimeSpan.Zero);
    }

    [Fact]
    public void Rates_outside_zero_to_one_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LinkModel { LossRate = 1.5 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new LinkModel { DuplicationRate = -0.1 });
        Assert.Throws<ArgumentException>(() => new NetworkModel(new LinkModel
        {
            ReorderDelayMin = TimeSpan.FromSeconds(2), ReorderDelayMax = TimeSpan.FromSeconds(1),
        }));
    }
}
