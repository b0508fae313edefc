using ImpClusterSim.Domain.Services;
using ImpClusterSim.Node.Runtime;
using ImpClusterSim.Simulation;

namespace ImpClusterSim.Node.Tests.Platform;

/// <summary>
/// The Cisco Replication Watcher (Deployment Guide for IM and Presence 9.1(1)): on a subscriber, feature services stay
/// Starting until IDS replication with the publisher is established, with an alarm; then they start.
/// </summary>
public sealed class ReplicationWatcherTests : IDisposable
{
    private readonly SimulationRun _run = PlatformFixture.Lab();

    public ReplicationWatcherTests() => _run.RunFor(TimeSpan.FromMinutes(15));

    public void Dispose() => _run.Dispose();

    private string Cli(string node, string line) => _run.Operator.Request<CliReply>(node, r => new CliRequest(line, r))!.Output;

    private NodeServices Services(string node) => _run.Operator.Request<ServicesSnapshot>(node, r => new QueryServices(r))!.Services;

    [Fact]
    public void A_subscriber_restarted_while_cut_off_from_its_publisher_holds_its_feature_services_starting()
    {
        var alarms = new List<string>();
        _run.Trace.AddObserver(e =>
        {
            if (e.Node == "imp-a-sub2" && e.Event == "alarm" && e.Details.Any(d => d.Value == "Cisco Replication Watcher"))
                alarms.Add(e.Details.Single(d => d.Key == "service").Value);
        });
        _run.Network.StartPartition("cut", ["imp-a-sub2"], ["imp-a-pub"]);
        _run["imp-a-sub2"].Restart();
        _run.RunFor(TimeSpan.FromMinutes(20));

        var services = Services("imp-a-sub2");
        Assert.Equal(ServiceStatus.Started, services.StatusOf(ServiceNames.CiscoTomcat));
        Assert.Equal(ServiceStatus.Starting, services.StatusOf(ServiceNames.CiscoSipProxy));
        Assert.Equal(ServiceStatus.Starting, services.StatusOf(ServiceNames.CiscoPresenceEngine));
        Assert.Contains("Cisco SIP Proxy[STARTING]", Cli("imp-a-sub2", "utils service list"));
        Assert.Contains(Cli("imp-a-pub", "utils dbreplication runtimestate").Split('\n'),
            l => l.StartsWith("imp-a-sub2 ", StringComparison.Ordinal) && l.Contains("(3) Out Of Sync"));
        Assert.Contains(ServiceNames.CiscoSipProxy, alarms);

        _run.Network.Heal("cut");
        _run.RunFor(TimeSpan.FromMinutes(6));
        Assert.Equal(ServiceStatus.Started, Services("imp-a-sub2").StatusOf(ServiceNames.CiscoSipProxy));
    }

    [Fact]
    public void A_subscriber_that_reaches_its_publisher_starts_its_feature_services_as_usual()
    {
        _run["imp-a-sub1"].Restart();
        _run.RunFor(TimeSpan.FromMinutes(10));
        Assert.All(Services("imp-a-sub1").States, s => Assert.Equal(ServiceStatus.Started, s.Status));
    }
}
