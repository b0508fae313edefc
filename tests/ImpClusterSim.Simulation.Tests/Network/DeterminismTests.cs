using ImpClusterSim.Simulation.Network;

namespace ImpClusterSim.Simulation.Tests.Network;

public sealed class DeterminismTests
{
    private static readonly string[] Nodes = ["imp-a-pub", "imp-a-sub", "imp-b-pub", "imp-b-sub"];

    private static LinkModel Rough => new()
    {
        Latency = LatencyDistribution.LogNormal(TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(3)),
        LossRate = 0.05,
        DuplicationRate = 0.03,
        ReorderRate = 0.1,
    };

    private static (IReadOnlyList<string> Log, ulong Digest, NetworkStats Stats) Run(ulong seed)
    {
        var h = new NetworkHarness(Rough, seed).Up(Nodes);
        h.Network.SchedulePartition(new Partition("p", ["imp-a-pub"], ["imp-b-pub", "imp-b-sub"]), NetworkHarness.Ms(300), NetworkHarness.Ms(600));
        h.Clock.Schedule(NetworkHarness.Ms(700), () => h.Network.Unregister("imp-b-sub"));
        for (var i = 0; i < 1000; i++)
        {
            var from = Nodes[i % 4];
            var to = Nodes[(i % 4 + 1 + i / 4 % 3) % 4]; // every other node in turn
            h.SendAt(NetworkHarness.Ms(i), from, to, i % 3 == 0 ? i : $"m{i}");
        }
        h.RunAll();
        var log = h.Deliveries.Select(d => $"{d.At.UtcTicks} {d.From}->{d.To} {d.Envelope.Payload}").ToArray();
        return (log, h.Network.DeliveryDigest, h.Network.Stats);
    }

    [Fact]
    public void Same_seed_gives_the_same_deliveries_and_digest()
    {
        var first = Run(1234);
        var second = Run(1234);
        Assert.Equal(first.Log, second.Log);
        Assert.Equal(first.Digest, second.Digest);
        Assert.Equal(first.Stats, second.Stats);
        Assert.True(first.Stats.DroppedByLoss > 0 && first.Stats.DroppedByPartition > 0 && first.Stats.DroppedNodeDown > 0);
        var s = first.Stats;
        Assert.Equal(0, s.InFlight);
        Assert.Equal(s.Sent + s.Duplicated, s.Delivered + s.Dropped); // every scheduled copy is delivered or dropped
        Assert.True(s.Duplicated > 0);
    }

    [Fact]
    public void Different_seeds_give_different_deliveries_and_digests()
    {
        var a = Run(1234);
        var b = Run(1235);
        Assert.NotEqual(a.Log, b.Log);
        Assert.NotEqual(a.Digest, b.Digest);
    }

    [Fact]
    public void Traffic_on_another_link_does_not_reshuffle_a_link()
    {
        IReadOnlyList<string> Deliveries(bool withOtherTraffic)
        {
            var h = new NetworkHarness(Rough, 77).Up("a", "b", "c");
            for (var i = 0; i < 500; i++)
            {
                h.SendAt(NetworkHarness.Ms(i), "a", "b", i);
                if (withOtherTraffic) h.SendAt(NetworkHarness.Ms(i), "a", "c", i);
            }
            h.RunAll();
            return h.Deliveries.Where(d => d.To == "b").Select(d => $"{d.At.UtcTicks} {d.Envelope.Payload}").ToArray();
        }

        Assert.Equal(Deliveries(false), Deliveries(true));
    }

    [Fact]
    public void The_digest_depends_on_payload_type_and_fate()
    {
        ulong Digest(object payload, bool partitioned)
        {
            var h = new NetworkHarness().Up("a", "b");
            if (partitioned) h.Network.StartPartition("p", ["a"], ["b"]);
            h.Send("a", "b", payload);
            h.RunAll();
            return h.Network.DeliveryDigest;
        }

        Assert.Equal(Digest("x", false), Digest("y", false)); // same type, same fate: payload content is not hashed
        Assert.NotEqual(Digest("x", false), Digest(1, false));
        Assert.NotEqual(Digest("x", false), Digest("x", true));
        Assert.NotEqual(0UL, Digest("x", false));
    }

    [Fact]
    public void Per_message_tracing_is_off_by_default_and_on_when_asked()
    {
        var quiet = new NetworkHarness().Up("a", "b");
        quiet.Send("a", "b", "x");
        quiet.RunAll();
        Assert.Empty(quiet.Trace.Events);

        var loud = new NetworkHarness(options: new NetworkOptions { TraceMessages = true }).Up("a", "b");
        loud.Send("a", "b", "x");
        loud.Send("a", "nobody", "y");
        loud.RunAll();
        Assert.Equal(["message-dropped", "message-delivered"], loud.Trace.Events.Select(e => e.Event));
        Assert.Equal("node-down", loud.Trace.Events[0].Details[^1].Value);
    }
}
