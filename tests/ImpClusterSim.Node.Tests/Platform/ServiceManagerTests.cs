using Akka.Actor;
using Akka.TestKit.Xunit2;
using ImpClusterSim.Domain.Services;
using ImpClusterSim.Node.Runtime;
using ImpClusterSim.Node.Services;
using ImpClusterSim.Simulation;

namespace ImpClusterSim.Node.Tests.Platform;

/// <summary>
/// The platform's Service Manager on virtual time. The probes live in the test kit's own system; the nodes run on the
/// simulation loop and reply to the probes synchronously, so each test advances virtual time and then reads replies.
/// </summary>
public sealed class ServiceManagerTests : TestKit, IDisposable
{
    private readonly SimulationRun _run = PlatformFixture.TwoClusters();

    void IDisposable.Dispose()
    {
        _run.Dispose();
        Dispose();
    }

    private NodeServices ServicesOf(string node)
    {
        var probe = CreateTestProbe();
        _run[node].Tell(new QueryServices(probe.Ref));
        _run.Kernel.RunUntilQuiescent();
        return probe.ExpectMsg<ServicesSnapshot>(TimeSpan.FromSeconds(1)).Services;
    }

    private string Cli(string node, string line)
    {
        var probe = CreateTestProbe();
        _run[node].Tell(new CliRequest(line, probe.Ref));
        _run.Kernel.RunUntilQuiescent();
        return probe.ExpectMsg<CliReply>(TimeSpan.FromSeconds(1)).Output;
    }

    [Fact]
    public void A_booting_node_starts_its_services_within_their_configured_durations()
    {
        Assert.All(ServicesOf("imp-a-pub").States, s => Assert.Equal(ServiceStatus.Starting, s.Status));
        _run.RunFor(TimeSpan.FromMinutes(1));
        // Cisco Tomcat takes 1-5 minutes by default: not all started after one minute, all started after ten.
        Assert.Equal(ServiceStatus.Starting, ServicesOf("imp-a-pub").StatusOf(ServiceNames.CiscoTomcat));
        _run.RunFor(TimeSpan.FromMinutes(9));
        Assert.All(ServicesOf("imp-a-pub").States, s => Assert.Equal(ServiceStatus.Started, s.Status));
    }

    [Fact]
    public void Utils_service_list_shows_every_service_with_the_platform_wording()
    {
        _run.RunFor(TimeSpan.FromMinutes(15));
        var output = Cli("imp-a-pub", "utils service list");
        Assert.Contains("Cisco Tomcat[STARTED]", output);
        Assert.Contains("Cisco Intercluster Sync Agent[STARTED]", output);
        Assert.Contains("Primary Node =true", output);
        Assert.EndsWith("Command successful", output);
        Assert.Contains("Primary Node =false", Cli("imp-a-sub1", "utils service list"));
    }

    [Fact]
    public void Xcp_router_stop_then_start_leaves_the_xcp_services_stopped()
    {
        _run.RunFor(TimeSpan.FromMinutes(15));
        Cli("imp-a-pub", "utils service stop Cisco XCP Router");
        _run.RunFor(TimeSpan.FromMinutes(10));
        Cli("imp-a-pub", "utils service start Cisco XCP Router");
        _run.RunFor(TimeSpan.FromMinutes(10));
        var services = ServicesOf("imp-a-pub");
        Assert.Equal(ServiceStatus.Started, services.StatusOf(ServiceNames.CiscoXcpRouter));
        Assert.Equal(ServiceStatus.Stopped, services.StatusOf(ServiceNames.CiscoXcpConnectionManager));
        Assert.Equal(ServiceStatus.Stopped, services.StatusOf(ServiceNames.CiscoXcpWebConnectionManager));
    }

    [Fact]
    public void Xcp_router_restart_brings_the_xcp_services_back()
    {
        _run.RunFor(TimeSpan.FromMinutes(15));
        var transcript = Cli("imp-a-pub", "utils service restart Cisco XCP Router");
        // Only what has happened at this instant: the restart has begun.
        Assert.Equal("Service Manager is running\nCisco XCP Router[STOPPING]", transcript);
        Assert.Contains("Cisco XCP Router[STOPPING]", Cli("imp-a-pub", "utils service list"));
        _run.RunFor(TimeSpan.FromMinutes(15));
        var services = ServicesOf("imp-a-pub");
        Assert.Equal(ServiceStatus.Started, services.StatusOf(ServiceNames.CiscoXcpRouter));
        Assert.Equal(ServiceStatus.Started, services.StatusOf(ServiceNames.CiscoXcpConnectionManager));
    }

    [Fact]
    public void Database_changes_go_only_to_the_services_that_follow_the_database()
    {
        var ignoring = CreateTestProbe();
        var following = CreateTestProbe();
        using var run = PlatformFixture.TwoClusters(workers: new ServiceWorkers()
            .Register(ServiceNames.CiscoSipProxy, (_, _) => PlatformFixture.Forwarder(ignoring.Ref))
            .Register(ServiceNames.CiscoPresenceEngine, (_, _) => ActorFactory.Props(() => new FollowingForwarder(following.Ref))));
        run.RunFor(TimeSpan.FromMinutes(15));
        ignoring.ReceiveWhile<object>(TimeSpan.Zero, m => m);
        following.ReceiveWhile<object>(TimeSpan.Zero, m => m);

        var reply = run.Operator.Request<AdminReply>("imp-a-pub", r => new UploadLoginBanner("banner.txt", [.. "Authorized use only"u8.ToArray()], r))!;
        run.RunFor(TimeSpan.FromSeconds(1));

        Assert.True(reply.Accepted);
        Assert.Equal("Authorized use only", following.FishForMessage<DatabaseChanged>(_ => true, TimeSpan.FromSeconds(1)).State.Banner.Banner?.Text);
        Assert.DoesNotContain(ignoring.ReceiveWhile<object>(TimeSpan.Zero, m => m), m => m is DatabaseChanged);
    }

    /// <summary>A test service that reads the database live: it hands everything it receives to a probe.</summary>
    private sealed class FollowingForwarder : ReceiveActor, IFollowsDatabase
    {
        public FollowingForwarder(IActorRef target) => ReceiveAny(m => target.Tell(m));
    }

    [Fact]
    public void A_stopped_service_refuses_connections_at_once()
    {
        var probe = CreateTestProbe();
        using var run = PlatformFixture.TwoClusters(workers: new ServiceWorkers()
            .Register(ServiceNames.CiscoInterclusterSyncAgent, (_, _) => PlatformFixture.Forwarder(probe.Ref)));
        run.RunFor(TimeSpan.FromMinutes(15));
        run["imp-b-pub"].Tell(new CliRequest("utils service stop Cisco Tomcat", probe.Ref));
        run.RunFor(TimeSpan.FromMinutes(10));
        probe.ExpectMsg<CliReply>(TimeSpan.FromSeconds(1));

        run["imp-a-pub"].Context!.Network.Send(ServiceNames.CiscoInterclusterSyncAgent, "imp-b-pub", ServiceNames.CiscoTomcat, "hello");
        run.RunFor(TimeSpan.FromSeconds(1));
        var refused = probe.ExpectMsg<Ports.NetworkEnvelope>(TimeSpan.FromSeconds(1));
        Assert.Equal("imp-b-pub", refused.FromNode);
        Assert.Equal(new ServiceUnavailable(ServiceNames.CiscoTomcat, "hello"), refused.Payload);
    }

    [Fact]
    public void A_restart_replaces_the_service_actor_so_what_it_served_is_interrupted()
    {
        var probe = CreateTestProbe();
        var created = 0;
        using var run = PlatformFixture.TwoClusters(workers: new ServiceWorkers()
            .Register(ServiceNames.CiscoTomcat, (_, _) => { created++; return PlatformFixture.Forwarder(probe.Ref); }));
        run.RunFor(TimeSpan.FromMinutes(15));
        var before = created;
        run["imp-a-pub"].Tell(new CliRequest("utils service restart Cisco Tomcat", probe.Ref));
        run.RunFor(TimeSpan.FromMinutes(1));
        // Stopping (or starting): nothing serves; the request is refused.
        run["imp-a-sub1"].Context!.Network.Send("x", "imp-a-pub", ServiceNames.CiscoTomcat, "during");
        run.RunFor(TimeSpan.FromMinutes(15));
        Assert.Equal(before + 1, created);
    }

    [Fact]
    public void An_unknown_service_gets_the_platform_error()
    {
        var output = Cli("imp-a-pub", "utils service restart Cisco Nonexistent Service");
        Assert.Contains("Executed command unsuccessfully", output);
        Assert.Contains("Cisco Nonexistent Service", output);
    }

    [Fact]
    public void An_unknown_command_gets_the_platform_error()
    {
        Assert.Contains("Executed command unsuccessfully", Cli("imp-a-pub", "utils frobnicate"));
    }

    [Fact]
    public void Service_status_changes_are_traced_with_the_service_name()
    {
        var seen = new List<string>();
        _run.Trace.AddObserver(e =>
        {
            if (e.Event == "service-status" && e.Node == "imp-a-pub") seen.Add(string.Join(",", e.Details.Select(d => d.Value)));
        });
        _run.RunFor(TimeSpan.FromMinutes(15));
        Assert.Contains("Cisco Tomcat,Started", seen);
    }
}
