using ImpClusterSim.Domain.Intercluster;
using ImpClusterSim.Domain.Topology;
using static ImpClusterSim.Domain.Tests.Intercluster.IcsaPki;

namespace ImpClusterSim.Domain.Tests.Intercluster;

public sealed class InterclusterPeersTests
{
    private static readonly Deployment Topology = TopologyLoader.LoadEmbedded("two-clusters");
    private static readonly NodeSpec APublisher = Topology.Node("imp-a-pub");

    [Fact]
    public void A_peer_is_added_once_and_a_duplicate_is_refused_with_the_duplicate_alarm()
    {
        var added = InterclusterPeers.Empty("imp-a-pub").Add(TlsPeer("imp-b-pub"));

        var duplicate = added.Peers.Add(new InterclusterPeer("IMP-B-PUB", "other", "other", PeerProtocol.Tcp));

        Assert.Equal(PeerConfigOutcome.Added, added.Outcome);
        Assert.Equal(PeerConfigOutcome.Duplicate, duplicate.Outcome);
        Assert.Equal(IcsaAlarm.PeerDuplicate, duplicate.Alarm!.Name);
        Assert.Equal(1, duplicate.Peers.Count);
        Assert.Same(added.Peers, duplicate.Peers);
        Assert.Equal(TlsPeer("imp-b-pub"), duplicate.Peers.Find("imp-b-pub"));
    }

    [Fact]
    public void A_cluster_cannot_peer_with_its_own_publisher()
    {
        Assert.Equal(PeerConfigOutcome.Refused, InterclusterPeers.Empty("imp-a-pub").Add(TlsPeer("imp-a-pub")).Outcome);

        var differentCase = InterclusterPeers.Empty("imp-a-pub").Add(TlsPeer("IMP-A-PUB"));
        Assert.Equal(PeerConfigOutcome.Refused, differentCase.Outcome);
        Assert.Equal(0, differentCase.Peers.Count);
    }

    [Fact]
    public void Deleting_a_peer_on_one_side_makes_that_side_refuse_the_other_sides_syncs()
    {
        // That the other side keeps its entry is a property of two nodes: see the platform's
        // InterclusterSyncTests.Deleting_a_peer_on_one_side_leaves_the_other_side_configured_and_refused.
        var onA = InterclusterPeers.Empty("imp-a-pub").Add(TlsPeer("imp-b-pub")).Peers;

        var deleted = onA.Delete("imp-b-pub");

        Assert.Equal(PeerConfigOutcome.Deleted, deleted.Outcome);
        Assert.Null(deleted.Peers.Find("imp-b-pub"));
        Assert.Equal(PeerReachability.NotConfiguredOnPeer, deleted.Peers.Answer(Topology.Node("imp-b-pub"), true, true));
        Assert.Equal(PeerReachability.Answered, onA.Answer(Topology.Node("imp-b-pub"), true, true));
    }

    [Fact]
    public void A_peer_entry_matches_the_calling_node_by_host_name_FQDN_or_IP_address()
    {
        foreach (var address in new[] { "imp-a-pub", "imp-a-pub.example.com", "10.20.1.10" })
        {
            var onB = InterclusterPeers.Empty("imp-b-pub").Add(TlsPeer(address)).Peers;
            Assert.Equal(PeerReachability.Answered, onB.Answer(APublisher, true, true));
        }
    }

    [Fact]
    public void Peers_of_peers_are_not_implied()
    {
        var onA = InterclusterPeers.Empty("imp-a-pub").Add(TlsPeer("imp-b-pub")).Peers;
        var cPublisher = new NodeSpec("imp-c-pub", "imp-c-pub.example.com", "10.20.3.10", NodeKind.Imp, NodeRole.Publisher, "imp-c");

        Assert.Null(onA.FindNode(cPublisher));
        Assert.Equal(PeerReachability.NotConfiguredOnPeer, onA.Answer(cPublisher, true, true));
    }

    [Fact]
    public void A_peer_with_Tomcat_or_AXL_down_or_wrong_credentials_does_not_answer()
    {
        var onB = InterclusterPeers.Empty("imp-b-pub").Add(TlsPeer("imp-a-pub")).Peers;

        Assert.Equal(PeerReachability.TomcatOrAxlNotStarted, onB.Answer(APublisher, false, true));
        Assert.Equal(PeerReachability.WrongCredentials, onB.Answer(APublisher, true, false));
    }
}
