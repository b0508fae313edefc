using ImpClusterSim.Domain.Intercluster;
using ImpClusterSim.Domain.Topology;
using ImpClusterSim.Pki;
using static ImpClusterSim.Domain.Tests.Intercluster.IcsaPki;

namespace ImpClusterSim.Domain.Tests.Intercluster;

public sealed class InterclusterTroubleshooterTests
{
    private static readonly Deployment Topology = TopologyLoader.LoadEmbedded("two-clusters");

    [Fact]
    public void The_troubleshooter_names_the_failing_peers_IP_address()
    {
        var failing = PeerSyncState.New(TlsPeer("imp-b-pub.example.com"), Now)
            .Sync(Answered(TomcatTrust(), SelfSignedTomcat(BPub)) with { Reachability = PeerReachability.Timeout }, Now, Timings).State;

        var result = InterclusterTroubleshooter.CheckCertificateExchange([failing], Topology);
        var text = InterclusterTroubleshooter.Format(result);

        Assert.False(result.Passed);
        var check = Assert.Single(result.Peers);
        Assert.Equal("10.20.2.10", check.IpAddress);
        Assert.Contains("\u2717 Verify that each TLS-enabled inter-cluster peer has successfully exchanged security certificates", text);
        Assert.Contains("\u2717 Inter-cluster peer 10.20.2.10 has not exchanged security certificates: Not reachable", text);
    }

    [Fact]
    public void The_test_passes_when_every_TLS_peer_is_secure_and_ignores_TCP_peers()
    {
        var secure = PeerSyncState.New(TlsPeer("imp-b-pub"), Now).Sync(Answered(TomcatTrust(), SelfSignedTomcat(BPub)), Now, Timings).State;
        var tcp = PeerSyncState.New(new InterclusterPeer("10.20.9.9", "u", "p"), Now);

        var result = InterclusterTroubleshooter.CheckCertificateExchange([secure, tcp], Topology);

        Assert.True(result.Passed);
        Assert.Equal("10.20.2.10", Assert.Single(result.Peers).IpAddress);
        Assert.StartsWith("Inter-Clustering Troubleshooter\n\u2713 Verify", InterclusterTroubleshooter.Format(result));
    }

    [Fact]
    public void An_out_of_sync_peer_fails_the_test()
    {
        var known = PeerSyncState.New(TlsPeer(), Now).Sync(Answered(TomcatTrust(), SelfSignedTomcat(BPub)), Now, Timings).State;
        var outOfSync = known.Sync(Answered(TomcatTrust(SelfSignedTomcat(BPub)), SelfSignedTomcat(BPub, 1)), Now, Timings).State;

        var result = InterclusterTroubleshooter.CheckCertificateExchange([outOfSync], Topology);

        Assert.False(result.Passed);
        Assert.Contains("out-of-sync", Assert.Single(result.Peers).Message);
    }
}
