using ImpClusterSim.Domain.Services;
using ImpClusterSim.Domain.Topology;
using static ImpClusterSim.Domain.Services.ServiceNames;

namespace ImpClusterSim.Domain.Tests.Services;

public sealed class ServiceCatalogueTests
{
    private static readonly Deployment Default = TopologyLoader.LoadDefault();

    private static IEnumerable<string> On(string node) => ServiceCatalogue.Default.ForNode(Default.Node(node)).Select(d => d.Name);

    [Fact]
    public void The_imp_publisher_runs_the_sync_agent_and_subscribers_do_not()
    {
        Assert.Contains(CiscoSyncAgent, On("imp-a-pub"));
        Assert.DoesNotContain(CiscoSyncAgent, On("imp-a-sub1"));
        Assert.All(Default.Nodes, n => Assert.Equal(n.IsImp && n.IsPublisher, On(n.Name).Contains(CiscoSyncAgent)));
    }

    [Fact]
    public void Only_federation_nodes_run_the_xmpp_federation_connection_manager()
    {
        Assert.Contains(CiscoXcpXmppFederationConnectionManager, On("imp-a-sub4"));
        Assert.DoesNotContain(CiscoXcpXmppFederationConnectionManager, On("imp-a-sub1"));
        Assert.All(Default.Nodes, n => Assert.Equal(n.IsImp && n.IsFederation, On(n.Name).Contains(CiscoXcpXmppFederationConnectionManager)));
    }

    [Fact]
    public void An_imp_subscriber_runs_the_guides_services()
    {
        Assert.Equal(
            [CiscoTomcat, CiscoXcpRouter, CiscoInterclusterSyncAgent, CiscoCertificateChangeNotification, CiscoSipProxy, CiscoPresenceEngine, CiscoXcpConnectionManager, CiscoXcpWebConnectionManager, CiscoAxlWebService],
            On("imp-a-sub1"));
    }

    [Fact]
    public void A_cucm_node_runs_callmanager_and_tomcat_and_tftp_only_where_enabled()
    {
        Assert.Equal([CiscoTomcat, CiscoCertificateChangeNotification, CiscoCallManager, CiscoTftp], On("cucm-pub"));
        Assert.Equal([CiscoTomcat, CiscoCertificateChangeNotification, CiscoCallManager], On("cucm-sub1"));
    }

    [Theory]
    [InlineData(CiscoTomcat, "tomcat", "tomcat-trust", ServiceCategory.Network)]
    [InlineData(CiscoSipProxy, "cup", "cup-trust", ServiceCategory.Feature)]
    [InlineData(CiscoPresenceEngine, "cup", "cup-trust", ServiceCategory.Feature)]
    [InlineData(CiscoXcpRouter, "cup-xmpp", "cup-xmpp-trust", ServiceCategory.Network)]
    [InlineData(CiscoXcpConnectionManager, "cup-xmpp", "cup-xmpp-trust", ServiceCategory.Feature)]
    [InlineData(CiscoXcpXmppFederationConnectionManager, "cup-xmpp-s2s", "cup-xmpp-trust", ServiceCategory.Feature)]
    [InlineData(CiscoInterclusterSyncAgent, null, "tomcat-trust", ServiceCategory.Network)]
    public void Each_imp_service_presents_its_certificate_and_reads_its_trust_store(string service, string? unit, string trust, ServiceCategory category)
    {
        var d = ServiceCatalogue.Default.Find(service, NodeKind.Imp)!;
        Assert.Equal((unit, category), (d.PresentsCertificate, d.Category));
        Assert.Contains(trust, d.ReadsTrustStores);
    }

    [Fact]
    public void The_services_presenting_cup_xmpp_are_the_router_and_the_connection_managers()
    {
        Assert.Equal([CiscoXcpRouter, CiscoXcpConnectionManager, CiscoXcpWebConnectionManager],
            ServiceCatalogue.Default.Presenting("cup-xmpp", NodeKind.Imp).Select(d => d.Name));
    }

    [Fact]
    public void Default_restart_durations_follow_the_model_table()
    {
        var tomcat = ServiceCatalogue.Default.Find(CiscoTomcat, NodeKind.Imp)!;
        Assert.Equal(TimeSpan.FromMinutes(1), tomcat.StopDuration.Min + tomcat.StartDuration.Min);
        Assert.Equal(TimeSpan.FromMinutes(5), tomcat.StopDuration.Max + tomcat.StartDuration.Max);
        var router = ServiceCatalogue.Default.Find(CiscoXcpRouter, NodeKind.Imp)!;
        Assert.Equal((TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(3)), (router.StopDuration.Min + router.StartDuration.Min, router.StopDuration.Max + router.StartDuration.Max));
        var icsa = ServiceCatalogue.Default.Find(CiscoInterclusterSyncAgent, NodeKind.Imp)!;
        Assert.Equal((TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30)), (icsa.StopDuration.Min + icsa.StartDuration.Min, icsa.StopDuration.Max + icsa.StartDuration.Max));
    }
}
