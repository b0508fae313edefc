using ImpClusterSim.Scenarios.Reports;

namespace ImpClusterSim.Scenarios.Tests.Reports;

public sealed class TimelineModelTests
{
    private readonly TimelineModel _model = TimelineModel.From(SampleOutcome.Create());

    private TimelineLane Lane(string key) => Assert.Single(_model.Lanes, l => l.Key == key);

    [Fact]
    public void Peer_lanes_follow_the_status_a_publisher_shows_for_its_peer()
    {
        var lane = Lane("peer:imp-a-pub>imp-b-pub");
        Assert.Equal(["failed", "secure", "not-reachable", "secure", "out-of-sync"], lane.Segments.Select(s => s.Css));
        Assert.Equal(TimeSpan.FromMinutes(151), lane.Segments[2].From);
        Assert.Equal(TimeSpan.FromMinutes(186), lane.Segments[2].To);
        Assert.Equal(TimeSpan.FromHours(7), lane.Segments[^1].To);
    }

    [Fact]
    public void Only_services_that_changed_after_start_up_get_a_lane()
    {
        var tomcat = Lane("service:imp-b-pub/Cisco Tomcat");
        Assert.Equal(["starting", "started", "stopping", "stopped", "starting", "started"], tomcat.Segments.Select(s => s.Css));
        Assert.DoesNotContain(_model.Lanes, l => l.Key == "service:imp-a-pub/Cisco Tomcat");
        Assert.DoesNotContain(_model.Lanes, l => l.Key.EndsWith("Cisco XCP Router", StringComparison.Ordinal));
    }

    [Fact]
    public void A_crashed_node_gets_a_lane_that_shows_it_down_until_it_starts_again()
    {
        var node = Lane("node:imp-b-sub1");
        var down = Assert.Single(node.Segments, s => s.Css == "down");
        Assert.Equal((TimeSpan.FromMinutes(300), TimeSpan.FromMinutes(320)), (down.From, down.To));
    }

    [Fact]
    public void Lanes_come_in_a_stable_order_peers_then_nodes_then_trust_stores_then_services()
    {
        Assert.Equal(["peer", "peer", "node", "trust", "service"], _model.Lanes.Select(l => l.Kind));
    }

    [Fact]
    public void A_trust_store_lane_starts_when_the_certificate_arrived()
    {
        var trust = Assert.Single(_model.Lanes, l => l.Kind == "trust");
        Assert.Equal("trust:imp-b-pub/tomcat-trust", trust.Key);
        var arrived = Assert.Single(trust.Segments);
        Assert.Equal(TimeSpan.FromMinutes(360), arrived.From);
        Assert.Equal("+corp-root.pem (upload)", arrived.Status);
    }

    [Fact]
    public void The_events_table_folds_bookkeeping_and_start_up()
    {
        var shown = TimelineEvents.Select(SampleOutcome.Create());
        Assert.Equal(4, shown.NodesStartedAtZero);
        Assert.DoesNotContain(shown.Events, e => e.Event == "network-summary");
        Assert.Equal(4, shown.Events.Count(e => e.Event == "service-status")); // the restart of imp-b-pub's Tomcat
        Assert.Contains(shown.Events, e => e.Event == "partition-started");
    }
}
