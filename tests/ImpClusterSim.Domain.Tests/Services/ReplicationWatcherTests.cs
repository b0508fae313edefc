using ImpClusterSim.Domain.Services;
using ImpClusterSim.Domain.Topology;
using static ImpClusterSim.Domain.Services.ServiceNames;

namespace ImpClusterSim.Domain.Tests.Services;

/// <summary>The Cisco Replication Watcher on an IM&amp;P subscriber: feature services wait for IDS replication.</summary>
public sealed class ReplicationWatcherTests
{
    private static readonly Deployment Default = TopologyLoader.LoadDefault();

    private static ServiceDriver Rebooted(string name)
    {
        var n = new ServiceDriver(NodeServices.Create(ServiceCatalogue.Default, Default.Node(name), started: true));
        n.Send(new ShutDownNode());
        n.Send(new BootNode());
        return n;
    }

    [Fact]
    public void A_subscriber_rebooted_without_replication_holds_its_feature_services_Starting_with_an_alarm()
    {
        var n = Rebooted("imp-a-sub4");

        n.Advance();

        Assert.Equal(ServiceStatus.Starting, n.Status(CiscoSipProxy));
        Assert.Equal(ServiceStatus.Started, n.Status(CiscoTomcat));
        Assert.Contains(n.Events.OfType<FeatureStartDelayed>(), e => e.Service == CiscoSipProxy);
    }

    [Fact]
    public void Replication_established_releases_the_held_services_and_names_them()
    {
        var n = Rebooted("imp-a-sub4");
        n.Advance();

        n.Send(new ReplicationStateChanged(true));

        Assert.Equal(ServiceStatus.Started, n.Status(CiscoSipProxy));
        var released = Assert.Single(n.Events.OfType<ReplicationEstablished>());
        Assert.Contains(CiscoSipProxy, released.Released);
    }

    [Fact]
    public void Replication_established_before_the_start_completes_lets_it_start_without_an_alarm()
    {
        var n = Rebooted("imp-a-sub4");

        n.Send(new ReplicationStateChanged(true));
        n.Advance();

        Assert.Equal(ServiceStatus.Started, n.Status(CiscoSipProxy));
        Assert.Empty(n.Events.OfType<FeatureStartDelayed>());
    }

    [Fact]
    public void A_publisher_is_not_watched()
    {
        var n = Rebooted(Default.ImpClusters[0].Publisher.Name);

        n.Advance();

        Assert.Equal(ServiceStatus.Started, n.Status(CiscoSipProxy));
        Assert.Empty(n.Events.OfType<FeatureStartDelayed>());
    }

    [Fact]
    public void Losing_replication_does_not_stop_services_that_already_run()
    {
        var n = new ServiceDriver(NodeServices.Create(ServiceCatalogue.Default, Default.Node("imp-a-sub4"), started: true));

        n.Send(new ReplicationStateChanged(false));
        n.Advance();

        Assert.Equal(ServiceStatus.Started, n.Status(CiscoSipProxy));
    }
}
