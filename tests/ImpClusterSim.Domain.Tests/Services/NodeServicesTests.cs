using ImpClusterSim.Domain.Services;
using ImpClusterSim.Domain.Topology;
using static ImpClusterSim.Domain.Services.ServiceNames;

namespace ImpClusterSim.Domain.Tests.Services;

public sealed class NodeServicesTests
{
    private static readonly Deployment Default = TopologyLoader.LoadDefault();

    private static ServiceDriver Node(string name = "imp-a-sub4", bool started = true, Func<DurationRange, TimeSpan>? draw = null) =>
        new(NodeServices.Create(ServiceCatalogue.Default, Default.Node(name), started), draw);

    private static readonly string[] XcpServices = [CiscoXcpConnectionManager, CiscoXcpWebConnectionManager, CiscoXcpXmppFederationConnectionManager];

    [Fact]
    public void Start_moves_a_stopped_service_to_starting_then_started()
    {
        var n = Node();
        n.Send(new StopService(CiscoTomcat));
        n.Advance();
        Assert.Equal(ServiceCommandOutcome.Accepted, n.Send(new StartService(CiscoTomcat)).Outcome);
        Assert.Equal(ServiceStatus.Starting, n.Status(CiscoTomcat));
        n.Advance();
        Assert.Equal(ServiceStatus.Started, n.Status(CiscoTomcat));
    }

    [Fact]
    public void Stop_moves_a_started_service_to_stopping_then_commanded_out_of_service()
    {
        var n = Node();
        n.Send(new StopService(CiscoSipProxy));
        Assert.Equal(ServiceStatus.Stopping, n.Status(CiscoSipProxy));
        n.Advance();
        var s = n.State[CiscoSipProxy];
        Assert.Equal((ServiceStatus.Stopped, "Commanded Out of Service"), (s.Status, s.ReasonText));
    }

    [Fact]
    public void Restart_goes_through_stopping_and_starting_to_started()
    {
        var n = Node();
        n.Send(new RestartService(CiscoTomcat));
        n.Advance();
        var changes = n.Events.OfType<ServiceStatusChanged>().Where(e => e.Service == CiscoTomcat).Select(e => e.To);
        Assert.Equal([ServiceStatus.Stopping, ServiceStatus.Stopped, ServiceStatus.Starting, ServiceStatus.Started], changes);
    }

    [Fact]
    public void Restart_of_a_stopped_service_starts_it()
    {
        var n = Node();
        n.Send(new StopService(CiscoSipProxy));
        n.Advance();
        n.Send(new RestartService(CiscoSipProxy));
        Assert.Equal(ServiceStatus.Starting, n.Status(CiscoSipProxy));
    }

    [Fact]
    public void Starting_a_started_service_is_reported_as_already_started()
    {
        var n = Node();
        Assert.Equal(ServiceCommandOutcome.AlreadyStarted, n.Send(new StartService(CiscoTomcat)).Outcome);
        Assert.Empty(n.Events);
    }

    [Fact]
    public void Stopping_a_stopped_service_is_reported_as_already_stopped()
    {
        var n = Node();
        n.Send(new StopService(CiscoTomcat));
        n.Advance();
        Assert.Equal(ServiceCommandOutcome.AlreadyStopped, n.Send(new StopService(CiscoTomcat)).Outcome);
    }

    [Fact]
    public void A_start_during_stopping_starts_the_service_once_stopped()
    {
        var n = Node();
        n.Send(new StopService(CiscoTomcat));
        n.Send(new StartService(CiscoTomcat));
        n.Advance();
        Assert.Equal(ServiceStatus.Started, n.Status(CiscoTomcat));
    }

    [Fact]
    public void A_stale_completion_is_ignored()
    {
        var n = Node();
        n.Send(new StopService(CiscoTomcat));
        var staleEpoch = n.State[CiscoTomcat].Epoch;
        n.Advance();
        n.Send(new StartService(CiscoTomcat));
        var reply = n.Send(new ServiceStopCompleted(CiscoTomcat, staleEpoch));
        Assert.Equal(ServiceCommandOutcome.Ignored, reply.Outcome);
        Assert.Equal(ServiceStatus.Starting, n.Status(CiscoTomcat));
        Assert.Equal(ServiceCommandOutcome.Ignored, n.Send(new ServiceStartCompleted(CiscoTomcat, staleEpoch)).Outcome);
    }

    [Fact]
    public void An_unknown_service_is_refused()
    {
        var n = Node();
        var reply = n.Send(new StartService("Cisco Nothing"));
        Assert.Equal(new ServiceReply(ServiceCommandOutcome.UnknownService, "Cisco Nothing"), reply);
    }

    [Fact]
    public void Service_names_match_case_insensitively_and_reply_with_the_display_name()
    {
        var n = Node();
        Assert.Equal(new ServiceReply(ServiceCommandOutcome.Accepted, CiscoTomcat), n.Send(new RestartService("cisco tomcat")));
    }

    [Fact]
    public void A_not_activated_service_cannot_be_started_and_shows_service_not_activated()
    {
        var n = new ServiceDriver(NodeServices.Create(ServiceCatalogue.Default, Default.Node("imp-a-pub"), notActivated: [CiscoAxlWebService]));
        Assert.Equal("Service Not Activated", n.State[CiscoAxlWebService].ReasonText);
        Assert.Equal(ServiceCommandOutcome.NotActivated, n.Send(new StartService(CiscoAxlWebService)).Outcome);
        Assert.Equal(ServiceCommandOutcome.Accepted, n.Send(new ActivateService(CiscoAxlWebService)).Outcome);
        n.Advance();
        Assert.Equal(ServiceStatus.Started, n.Status(CiscoAxlWebService));
    }

    [Fact]
    public void Deactivating_a_feature_service_stops_it_as_not_activated()
    {
        var n = Node();
        n.Send(new DeactivateService(CiscoPresenceEngine));
        n.Advance();
        Assert.Equal("Service Not Activated", n.State[CiscoPresenceEngine].ReasonText);
        Assert.Equal(ServiceCommandOutcome.CannotDeactivateNetworkService, n.Send(new DeactivateService(CiscoTomcat)).Outcome);
    }

    [Fact]
    public void Xcp_router_restart_restarts_the_active_xcp_services()
    {
        var n = Node();
        n.Send(new RestartService(CiscoXcpRouter));
        Assert.All(XcpServices, s => Assert.Equal(ServiceStatus.Stopping, n.Status(s)));
        n.Advance();
        Assert.All(XcpServices, s => Assert.Equal(ServiceStatus.Started, n.Status(s)));
        Assert.All(XcpServices, s => Assert.Contains(new ServiceStatusChanged(s, ServiceStatus.Stopping, ServiceStatus.Stopped), n.Events));
    }

    [Fact]
    public void Xcp_services_restarted_with_the_router_start_only_after_the_router_is_started()
    {
        var n = Node();
        n.Send(new RestartService(CiscoXcpRouter));
        n.Advance();
        var order = n.Events.OfType<ServiceStatusChanged>().Where(e => e.To == ServiceStatus.Started).Select(e => e.Service).ToList();
        Assert.Equal(CiscoXcpRouter, order[0]);
    }

    [Fact]
    public void Xcp_router_restart_leaves_a_stopped_xcp_service_stopped()
    {
        var n = Node();
        n.Send(new StopService(CiscoXcpWebConnectionManager));
        n.Advance();
        n.Send(new RestartService(CiscoXcpRouter));
        n.Advance();
        Assert.Equal(ServiceStatus.Stopped, n.Status(CiscoXcpWebConnectionManager));
        Assert.Equal(ServiceStatus.Started, n.Status(CiscoXcpConnectionManager));
    }

    [Fact]
    public void Xcp_router_stop_then_start_leaves_xcp_services_stopped()
    {
        var n = Node();
        n.Send(new StopService(CiscoXcpRouter));
        n.Advance();
        Assert.All(XcpServices, s => Assert.Equal(ServiceStatus.Stopped, n.Status(s)));
        n.Send(new StartService(CiscoXcpRouter));
        n.Advance();
        Assert.Equal(ServiceStatus.Started, n.Status(CiscoXcpRouter));
        Assert.All(XcpServices, s => Assert.Equal(ServiceStatus.Stopped, n.Status(s)));
        Assert.Equal("Component is not running", n.State[CiscoXcpConnectionManager].ReasonText);
    }

    [Fact]
    public void An_xcp_service_started_while_the_router_is_stopped_waits_in_starting()
    {
        var n = Node();
        n.Send(new StopService(CiscoXcpRouter));
        n.Advance();
        n.Send(new StartService(CiscoXcpConnectionManager));
        n.Advance();
        Assert.Equal(ServiceStatus.Starting, n.Status(CiscoXcpConnectionManager));
        n.Send(new StartService(CiscoXcpRouter));
        n.Advance();
        Assert.Equal(ServiceStatus.Started, n.Status(CiscoXcpConnectionManager));
    }

    [Fact]
    public void Boot_starts_every_activated_service_and_shut_down_stops_them()
    {
        var n = Node(started: false);
        Assert.All(n.State.States, s => Assert.Equal("Component is not running", s.ReasonText));
        n.Send(new BootNode());
        Assert.All(n.State.States, s => Assert.Equal(ServiceStatus.Starting, s.Status));
        n.Send(new ReplicationStateChanged(true)); // a subscriber: the Replication Watcher waits for IDS replication
        n.Advance();
        Assert.All(n.State.States, s => Assert.Equal(ServiceStatus.Started, s.Status));
        n.Send(new ShutDownNode());
        Assert.All(n.State.States, s => Assert.Equal(ServiceStatus.Stopped, s.Status));
    }

    [Fact]
    public void Durations_are_drawn_within_the_configured_ranges()
    {
        var draws = new Queue<double>([0.0, 0.5, 0.999]);
        var drawn = new List<(DurationRange Range, TimeSpan Value)>();
        var n = Node(draw: r =>
        {
            var v = r.Draw(() => draws.Count > 0 ? draws.Dequeue() : 1.0);
            drawn.Add((r, v));
            return v;
        });
        n.Send(new RestartService(CiscoTomcat));
        n.Advance();
        var tomcat = ServiceCatalogue.Default.Find(CiscoTomcat, NodeKind.Imp)!;
        Assert.Equal([tomcat.StopDuration, tomcat.StartDuration], drawn.Select(d => d.Range));
        Assert.Equal(tomcat.StopDuration.Min, drawn[0].Value);
        Assert.True(tomcat.StartDuration.Contains(drawn[1].Value));
        Assert.Equal(tomcat.StopDuration.Min + drawn[1].Value, n.Now);
    }

    [Fact]
    public void A_duration_range_draw_is_clamped_to_the_range()
    {
        var r = DurationRange.Parse("20s-1m");
        Assert.Equal(TimeSpan.FromSeconds(20), r.Draw(() => -3));
        Assert.Equal(TimeSpan.FromSeconds(60), r.Draw(() => 7));
        Assert.Equal(TimeSpan.FromSeconds(40), r.Draw(() => 0.5));
        Assert.Equal("20s-1m", r.ToString());
    }

    [Fact]
    public void Configured_durations_replace_the_defaults()
    {
        var catalogue = ServiceCatalogue.Default.WithDurations(CiscoTomcat, DurationRange.Parse("1s"), DurationRange.Parse("2s"));
        var n = new ServiceDriver(NodeServices.Create(catalogue, Default.Node("imp-a-pub")));
        n.Send(new RestartService(CiscoTomcat));
        n.Advance();
        Assert.Equal(TimeSpan.FromSeconds(3), n.Now);
    }
}
