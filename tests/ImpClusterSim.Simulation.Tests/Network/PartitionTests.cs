using ImpClusterSim.Simulation.Network;

namespace ImpClusterSim.Simulation.Tests.Network;

public sealed class PartitionTests
{
    [Fact]
    public void A_both_ways_partition_drops_both_directions_and_nothing_else()
    {
        var h = new NetworkHarness().Up("a1", "a2", "b1", "c1");
        h.Network.StartPartition("split", ["a1", "a2"], ["b1"]);
        h.Send("a1", "b1", "a1->b1");
        h.Send("b1", "a2", "b1->a2");
        h.Send("a1", "a2", "a1->a2");
        h.Send("a1", "c1", "a1->c1");
        h.Send("c1", "b1", "c1->b1");
        h.RunAll();

        Assert.Equal(["a1->a2", "a1->c1", "c1->b1"], h.Deliveries.Select(d => (string)d.Envelope.Payload).Order());
        Assert.Equal(2, h.Network.Stats.DroppedByPartition);
        Assert.Equal(5, h.Network.Stats.Sent);
    }

    [Fact]
    public void A_one_way_partition_drops_A_to_B_and_delivers_B_to_A()
    {
        var h = new NetworkHarness().Up("a", "b");
        h.Network.StartPartition("firewall", ["a"], ["b"], PartitionDirection.OneWay);
        h.Send("a", "b", "a->b");
        h.Send("b", "a", "b->a");
        h.RunAll();

        Assert.Equal(["b->a"], h.Deliveries.Select(d => d.Envelope.Payload));
        Assert.Equal(1, h.Network.Stats.DroppedByPartition);
        Assert.True(h.Network.IsBlocked("a", "b"));
        Assert.False(h.Network.IsBlocked("b", "a"));
    }

    [Fact]
    public void After_heal_everything_is_delivered()
    {
        var h = new NetworkHarness().Up("a", "b");
        h.Network.StartPartition("p1", ["a"], ["b"]);
        h.Network.StartPartition("p2", ["b"], ["a"], PartitionDirection.OneWay);
        Assert.True(h.Network.Heal("p1"));
        Assert.True(h.Network.IsBlocked("b", "a"));
        Assert.False(h.Network.IsBlocked("a", "b"));
        Assert.Equal(1, h.Network.HealAll());
        Assert.False(h.Network.Heal("p1"));

        for (var i = 0; i < 50; i++)
        {
            h.Send("a", "b", i);
            h.Send("b", "a", i);
        }
        h.RunAll();
        Assert.Equal(100, h.Deliveries.Count);
        Assert.Equal(0, h.Network.Stats.Dropped);
        Assert.Empty(h.Network.ActivePartitions);
    }

    [Fact]
    public void A_message_in_flight_when_a_partition_starts_is_dropped()
    {
        var h = new NetworkHarness(NetworkHarness.Fixed(10)).Up("a", "b");
        h.Send("a", "b", "doomed");
        h.Clock.Schedule(NetworkHarness.Ms(5), () => h.Network.StartPartition("p", ["a"], ["b"], PartitionDirection.OneWay));
        h.RunAll();

        Assert.Empty(h.Deliveries);
        Assert.Equal(1, h.Network.Stats.DroppedByPartition);
    }

    [Fact]
    public void A_message_sent_during_a_partition_is_dropped_even_if_it_heals_before_arrival()
    {
        var h = new NetworkHarness(NetworkHarness.Fixed(10)).Up("a", "b");
        h.Network.StartPartition("p", ["a"], ["b"]);
        h.Send("a", "b", "blocked at send");
        h.Clock.Schedule(NetworkHarness.Ms(1), () => h.Network.Heal("p"));
        h.RunAll();
        Assert.Empty(h.Deliveries);
    }

    [Fact]
    public void A_scheduled_partition_starts_and_heals_at_its_times()
    {
        var h = new NetworkHarness(NetworkHarness.Fixed(1)).Up("a", "b");
        h.Network.SchedulePartition(new Partition("wan-cut", ["a"], ["b"]), NetworkHarness.Ms(1000), NetworkHarness.Ms(2000));
        for (var t = 50; t < 3000; t += 100) h.SendAt(NetworkHarness.Ms(t), "a", "b", t);
        h.RunAll();

        var delivered = h.Deliveries.Select(d => (int)d.Envelope.Payload).ToArray();
        Assert.Equal(Enumerable.Range(0, 30).Select(i => 50 + 100 * i).Where(t => t is < 1000 or > 2000), delivered);
        Assert.Equal(10, h.Network.Stats.DroppedByPartition);

        var started = Assert.Single(h.Trace.Named("partition-started"));
        var healed = Assert.Single(h.Trace.Named("partition-healed"));
        Assert.Equal(NetworkHarness.Ms(1000), started.Time);
        Assert.Equal(NetworkHarness.Ms(2000), healed.Time);
        Assert.Equal(
            [new("id", "wan-cut"), new("direction", "both-ways"), new("side-a", "a"), new KeyValuePair<string, string>("side-b", "b")],
            started.Details);
    }

    [Fact]
    public void Whole_clusters_can_be_partitioned_by_their_node_sets()
    {
        var clusters = new Dictionary<string, string>
        {
            ["imp-a-pub"] = "A", ["imp-a-sub"] = "A", ["imp-b-pub"] = "B", ["imp-b-sub"] = "B",
        };
        var h = new NetworkHarness(clusters: clusters).Up("imp-a-pub", "imp-a-sub", "imp-b-pub", "imp-b-sub");
        h.Network.StartPartition("intercluster", h.Network.Model.NodesOf("A"), h.Network.Model.NodesOf("B"));
        h.Send("imp-a-pub", "imp-b-pub", "x");
        h.Send("imp-b-sub", "imp-a-sub", "x");
        h.Send("imp-a-pub", "imp-a-sub", "intra");
        h.RunAll();
        Assert.Equal(["intra"], h.Deliveries.Select(d => d.Envelope.Payload));
        Assert.Equal("imp-a-pub,imp-a-sub", h.Trace.Named("partition-started")[0].Details[2].Value);
    }

    [Fact]
    public void Partition_ids_are_unique_and_sides_disjoint()
    {
        var h = new NetworkHarness();
        h.Network.StartPartition("p", ["a"], ["b"]);
        Assert.Throws<InvalidOperationException>(() => h.Network.StartPartition("p", ["c"], ["d"]));
        Assert.Throws<ArgumentException>(() => new Partition("q", ["a", "b"], ["b"]));
        Assert.Throws<ArgumentException>(() => new Partition("q", [], ["b"]));
    }
}
