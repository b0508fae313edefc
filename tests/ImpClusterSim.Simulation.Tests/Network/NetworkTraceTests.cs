using ImpClusterSim.Domain.Time;
using ImpClusterSim.Simulation.Kernel;
using ImpClusterSim.Simulation.Network;
using ImpClusterSim.Simulation.Randomness;
using ImpClusterSim.Simulation.Tracing;

namespace ImpClusterSim.Simulation.Tests.Network;

public sealed class NetworkTraceTests
{
    [Fact]
    public void The_summary_event_carries_the_counters_and_the_digest()
    {
        var h = new NetworkHarness().Up("a", "b");
        h.Send("a", "b", "x");
        h.Send("a", "down", "y");
        h.RunAll();
        h.Network.TraceSummary();

        var summary = Assert.Single(h.Trace.Named("network-summary"));
        Assert.Equal(
            ["sent", "delivered", "duplicated", "dropped-partition", "dropped-loss", "dropped-node-down", "in-flight", "delivery-digest"],
            summary.Details.Select(d => d.Key));
        Assert.Equal(["2", "1", "0", "0", "0", "1", "0"], summary.Details.Take(7).Select(d => d.Value));
        Assert.Equal(h.Network.DeliveryDigestHex, summary.Details[^1].Value);
        Assert.Matches("^[0-9a-f]{16}$", h.Network.DeliveryDigestHex);
    }

    [Fact]
    public void Scheduled_heal_all_and_scheduled_clear_happen_at_their_times()
    {
        var h = new NetworkHarness(NetworkHarness.Fixed(1)).Up("a", "b", "c");
        h.Network.StartPartition("p1", ["a"], ["b"]);
        h.Network.StartPartition("p2", ["a"], ["c"], PartitionDirection.OneWay);
        h.Network.ChangeLinkModel(LinkScope.Nodes("b", "c"), NetworkHarness.Fixed(50));
        h.Network.ScheduleHealAll(NetworkHarness.Ms(100));
        h.Network.ScheduleLinkModelClear(NetworkHarness.Ms(100), LinkScope.Nodes("b", "c"));
        h.SendAt(NetworkHarness.Ms(150), "a", "b", "ab");
        h.SendAt(NetworkHarness.Ms(150), "a", "c", "ac");
        h.SendAt(NetworkHarness.Ms(150), "b", "c", "bc");
        h.RunAll();

        Assert.Equal(["ab", "ac", "bc"], h.Deliveries.Select(d => d.Envelope.Payload));
        Assert.All(h.Deliveries, d => Assert.Equal(NetworkHarness.Ms(151), d.At));
        Assert.Equal(["p1", "p2"], h.Trace.Named("partition-healed").Select(e => e.Details[0].Value));
        Assert.All(h.Trace.Named("partition-healed"), e => Assert.Equal(NetworkHarness.Ms(100), e.Time));
        Assert.Equal(NetworkHarness.Ms(100), Assert.Single(h.Trace.Named("link-model-cleared")).Time);
    }

    [Fact]
    public void Link_models_describe_themselves_in_invariant_text()
    {
        var model = LinkModel.Lan with { LossRate = 0.125, ReorderRate = 0.5 };
        Assert.Equal("latency=uniform(0.5ms..2ms) loss=0.125 dup=0 reorder=0.5(1ms..10ms)", model.Describe());
        Assert.Equal("lognormal(mean=40ms,sd=10ms)", LinkModel.Wan.Latency.Describe());
        Assert.Equal("normal(mean=3ms,sd=0.25ms)",
            LatencyDistribution.Normal(TimeSpan.FromMilliseconds(3), TimeSpan.FromMilliseconds(0.25)).Describe());
    }

    [Fact]
    public void A_whole_run_written_through_the_trace_writer_hashes_the_same_for_the_same_seed()
    {
        static string RunHash(ulong seed)
        {
            using var trace = new TraceWriter();
            var clock = new VirtualClock(SimInstant.DefaultRunStart);
            var model = new NetworkModel(LinkModel.Lan with { LossRate = 0.1, ReorderRate = 0.1, DuplicationRate = 0.05 });
            var network = new SimulatedNetwork(clock, new RunRandomness(seed), model, trace, new NetworkOptions { TraceMessages = true });
            string[] nodes = ["imp-a-pub", "imp-a-sub", "imp-b-pub"];
            foreach (var n in nodes) network.Register(n, _ => { });
            network.SchedulePartition(new Partition("p", ["imp-a-pub"], ["imp-b-pub"]), SimInstant.DefaultRunStart + TimeSpan.FromMilliseconds(20), SimInstant.DefaultRunStart + TimeSpan.FromMilliseconds(40));
            for (var i = 0; i < 300; i++)
            {
                var k = i;
                clock.Schedule(SimInstant.DefaultRunStart + TimeSpan.FromMilliseconds(k * 0.2),
                    () => network.Send(nodes[k % 3], "svc", nodes[(k + 1 + k / 3 % 2) % 3], "svc", k));
            }
            while (clock.FireNext(new SimInstant(long.MaxValue))) { }
            network.TraceSummary();
            return trace.Hash;
        }

        Assert.Equal(RunHash(9), RunHash(9));
        Assert.NotEqual(RunHash(9), RunHash(10));
    }
}
