using ImpClusterSim.Simulation.Network;

namespace ImpClusterSim.Simulation.Tests.Network;

public sealed class LinkModelOverrideTests
{
    private static readonly Dictionary<string, string> Clusters = new()
    {
        ["a1"] = "A", ["a2"] = "A", ["b1"] = "B",
    };

    [Fact]
    public void Node_pair_beats_cluster_pair_beats_default()
    {
        var model = new NetworkModel(NetworkHarness.Fixed(1), Clusters);
        var wan = NetworkHarness.Fixed(40);
        var bad = NetworkHarness.Fixed(40) with { LossRate = 0.5 };
        model.Set(LinkScope.Clusters("A", "B"), wan);
        model.Set(LinkScope.Nodes("a2", "b1"), bad);

        Assert.Same(model.Default, model.For("a1", "a2"));
        Assert.Same(wan, model.For("a1", "b1"));
        Assert.Same(bad, model.For("a2", "b1"));
        Assert.Same(model.Default, model.For("b1", "a1")); // overrides are directed
        Assert.Same(model.Default, model.For("a1", "unknown"));
        Assert.True(model.Clear(LinkScope.Nodes("a2", "b1")));
        Assert.Same(wan, model.For("a2", "b1"));
        Assert.Equal(["a1", "a2"], model.NodesOf("A"));
    }

    [Fact]
    public void A_scheduled_link_change_applies_from_its_time_on_and_is_traced()
    {
        var h = new NetworkHarness(NetworkHarness.Fixed(1), clusters: Clusters).Up("a1", "b1");
        var slow = NetworkHarness.Fixed(100);
        h.Network.ScheduleLinkModelChange(NetworkHarness.Ms(1000), LinkScope.Clusters("A", "B"), slow);
        h.SendAt(NetworkHarness.Ms(500), "a1", "b1", "before");
        h.SendAt(NetworkHarness.Ms(1500), "a1", "b1", "after");
        h.SendAt(NetworkHarness.Ms(1500), "b1", "a1", "reverse");
        h.RunAll();

        Assert.Equal(NetworkHarness.Ms(501), h.Deliveries.Single(d => Equals(d.Envelope.Payload, "before")).At);
        Assert.Equal(NetworkHarness.Ms(1600), h.Deliveries.Single(d => Equals(d.Envelope.Payload, "after")).At);
        Assert.Equal(NetworkHarness.Ms(1501), h.Deliveries.Single(d => Equals(d.Envelope.Payload, "reverse")).At);
        var changed = Assert.Single(h.Trace.Named("link-model-changed"));
        Assert.Equal(NetworkHarness.Ms(1000), changed.Time);
        Assert.Equal("cluster A->B", changed.Details[0].Value);
        Assert.Equal("latency=fixed(100ms) loss=0 dup=0 reorder=0", changed.Details[1].Value);
    }

    [Fact]
    public void A_latency_drop_does_not_let_later_messages_overtake_earlier_ones()
    {
        var h = new NetworkHarness(NetworkHarness.Fixed(100)).Up("a", "b");
        h.Send("a", "b", 1);
        h.Network.ChangeLinkModel(LinkScope.Default, NetworkHarness.Fixed(1));
        h.Send("a", "b", 2);
        h.RunAll();
        Assert.Equal([1, 2], h.Deliveries.Select(d => (int)d.Envelope.Payload));
        Assert.Equal(h.Deliveries[0].At, h.Deliveries[1].At);
    }
}
