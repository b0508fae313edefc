namespace ImpClusterSim.Simulation.Tests.Network;

public sealed class NodeDownTests
{
    [Fact]
    public void A_message_to_an_unregistered_node_is_dropped_as_node_down()
    {
        var h = new NetworkHarness().Up("a");
        h.Send("a", "never-started", "x");
        h.Up("b");
        h.Network.Unregister("b");
        h.Send("a", "b", "y");
        h.RunAll();

        Assert.Empty(h.Deliveries);
        Assert.Equal(2, h.Network.Stats.DroppedNodeDown);
    }

    [Fact]
    public void A_node_that_goes_down_while_a_message_is_in_flight_does_not_get_it()
    {
        var h = new NetworkHarness(NetworkHarness.Fixed(10)).Up("a", "b");
        h.Send("a", "b", "in flight");
        h.Clock.Schedule(NetworkHarness.Ms(5), () => h.Network.Unregister("b"));
        h.RunAll();
        Assert.Empty(h.Deliveries);
        Assert.Equal(1, h.Network.Stats.DroppedNodeDown);
    }

    [Fact]
    public void A_restarted_node_does_not_receive_what_was_sent_to_its_previous_life()
    {
        var h = new NetworkHarness(NetworkHarness.Fixed(10)).Up("a", "b");
        h.Send("a", "b", "to the old b");
        h.Clock.Schedule(NetworkHarness.Ms(3), () => h.Network.Unregister("b"));
        h.Clock.Schedule(NetworkHarness.Ms(6), () => h.Up("b"));
        h.SendAt(NetworkHarness.Ms(7), "a", "b", "to the new b");
        h.RunAll();
        Assert.Equal(["to the new b"], h.Deliveries.Select(d => d.Envelope.Payload));
        Assert.Equal(1, h.Network.Stats.DroppedNodeDown);
    }

    [Fact]
    public void Registering_a_node_twice_is_refused()
    {
        var h = new NetworkHarness().Up("a");
        Assert.Throws<InvalidOperationException>(() => h.Up("a"));
        Assert.True(h.Network.IsUp("a"));
        Assert.True(h.Network.Unregister("a"));
        Assert.False(h.Network.Unregister("a"));
    }

    [Fact]
    public void The_node_port_sends_as_its_node()
    {
        var h = new NetworkHarness().Up("imp-a-pub", "imp-a-sub");
        h.Network.ForNode("imp-a-pub").Send("cisco-sync-agent", "imp-a-sub", "cisco-presence-engine", "hello");
        h.RunAll();
        var d = Assert.Single(h.Deliveries);
        Assert.Equal(new Node.Ports.NetworkEnvelope("imp-a-pub", "cisco-sync-agent", "cisco-presence-engine", "hello"), d.Envelope);
        Assert.Equal("imp-a-sub", d.To);
    }
}
