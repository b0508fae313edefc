using ImpClusterSim.Domain.Certificates;
using ImpClusterSim.Domain.Replication;
using ImpClusterSim.Domain.Topology;
using ImpClusterSim.Pki;
using static ImpClusterSim.Domain.Tests.Certificates.CertificateFixtures;

namespace ImpClusterSim.Domain.Tests.Replication;

/// <summary>A three-node IM&amp;P cluster driven by hand, as the actors would: forward, record, pull, catch up.</summary>
public sealed class TrustReplicationTests
{
    private readonly NodeSpec pubSpec = Imp("imppub", NodeRole.Publisher);
    private readonly NodeSpec sub1Spec = Imp("impsub1");
    private readonly NodeSpec sub2Spec = Imp("impsub2");

    private NodeCertificates pub;
    private NodeCertificates sub1;
    private NodeCertificates sub2;
    private ClusterTrustLog log = ClusterTrustLog.Empty("imp-a", "imppub");
    private ReplicaProgress sub1Progress = ReplicaProgress.Start("impsub1");
    private ReplicaProgress sub2Progress = ReplicaProgress.Start("impsub2");

    public TrustReplicationTests()
    {
        pub = Install(pubSpec);
        sub1 = Install(sub1Spec);
        sub2 = Install(sub2Spec);
    }

    [Fact]
    public void A_trust_certificate_uploaded_on_a_subscriber_reaches_every_node_and_no_own_certificate_moves()
    {
        var root = Root();
        var ownBefore = (pub.Own, sub2.Own);
        var upload = sub1.UploadTrust("tomcat-trust", Pem(root.Certificate), "Corporate root");
        sub1 = upload.State;
        sub1Progress = sub1Progress.RecordLocal(upload);

        ForwardOutbox();
        sub1 = CatchUp(sub1, ref sub1Progress);
        sub2 = CatchUp(sub2, ref sub2Progress);

        Assert.All(new[] { pub, sub1, sub2 }, n => Assert.True(n.GetTrustStore("tomcat-trust").Contains(root.Certificate), n.NodeName));
        Assert.Equal("Corporate root", Assert.Single(sub2.ListTrust()).Description);
        Assert.Same(ownBefore.Item1, pub.Own);
        Assert.Same(ownBefore.Item2, sub2.Own);
        Assert.Empty(sub1Progress.Outbox);
    }

    [Fact]
    public void A_trust_certificate_uploaded_on_the_publisher_is_logged_and_replicated()
    {
        var root = Root();
        var upload = pub.UploadTrust("cup-xmpp-trust", Pem(root.Certificate), "root");
        pub = upload.State;
        var append = log.RecordPublisherChanges(upload);
        log = append.Log;

        sub2 = CatchUp(sub2, ref sub2Progress);

        Assert.Equal(1, log.LastSequence);
        Assert.True(sub2.GetTrustStore("cup-xmpp-trust").Contains(root.Certificate));
        Assert.Equal(1, sub2Progress.LastAppliedSequence);
    }

    [Fact]
    public void Own_certificate_changes_never_enter_the_cluster_log()
    {
        var regen = pub.Regenerate("tomcat", T0.AddDays(1));

        var append = log.RecordPublisherChanges(regen);

        Assert.Empty(append.Appended);
        Assert.Equal(0, append.Log.LastSequence);
    }

    [Fact]
    public void A_subscriber_down_during_replication_catches_up_from_its_last_sequence()
    {
        var first = Root("First Root");
        var second = Root("Second Root");
        PublisherUploads("tomcat-trust", first);
        sub1 = CatchUp(sub1, ref sub1Progress);
        sub2 = CatchUp(sub2, ref sub2Progress);

        // impsub2 is down: it misses the next change while impsub1 applies it.
        PublisherUploads("tomcat-trust", second);
        sub1 = CatchUp(sub1, ref sub1Progress);
        Assert.False(sub2.GetTrustStore("tomcat-trust").Contains(second.Certificate));
        Assert.Equal(1, log.LagOf(sub2Progress.LastAppliedSequence));

        sub2 = CatchUp(sub2, ref sub2Progress);

        Assert.True(sub2.GetTrustStore("tomcat-trust").Contains(second.Certificate));
        Assert.Equal(log.LastSequence, sub2Progress.LastAppliedSequence);
    }

    [Fact]
    public void A_gap_in_the_delivered_changes_stops_the_catch_up_and_says_where_to_resume()
    {
        PublisherUploads("tomcat-trust", Root("First Root"));
        PublisherUploads("tomcat-trust", Root("Second Root"));

        var catchUp = sub1Progress.CatchUp(sub1, log.Since(1));

        Assert.Equal(0, catchUp.MissingFrom);
        Assert.Equal(0, catchUp.Progress.LastAppliedSequence);
        Assert.Same(sub1, catchUp.Node);
    }

    [Fact]
    public void With_the_publisher_down_a_subscriber_upload_stays_local_and_queued()
    {
        var root = Root();
        var upload = sub1.UploadTrust("tomcat-trust", Pem(root.Certificate), "root");
        sub1 = upload.State;
        sub1Progress = sub1Progress.RecordLocal(upload);

        // The publisher is down: nothing is forwarded, nothing is distributed.
        sub2 = CatchUp(sub2, ref sub2Progress);

        Assert.True(sub1.GetTrustStore("tomcat-trust").Contains(root.Certificate));
        Assert.False(sub2.GetTrustStore("tomcat-trust").Contains(root.Certificate));
        Assert.False(pub.GetTrustStore("tomcat-trust").Contains(root.Certificate));
        Assert.Single(sub1Progress.Outbox);
        Assert.Equal(0, log.LastSequence);

        // The publisher returns: the outbox is forwarded and the change reaches impsub2.
        ForwardOutbox();
        sub2 = CatchUp(sub2, ref sub2Progress);
        Assert.True(sub2.GetTrustStore("tomcat-trust").Contains(root.Certificate));
    }

    [Fact]
    public void A_change_forwarded_twice_is_recorded_once()
    {
        var upload = sub1.UploadTrust("tomcat-trust", Pem(Root().Certificate), "root");
        sub1 = upload.State;
        sub1Progress = sub1Progress.RecordLocal(upload);
        var first = log.AcceptForwarded(pub, sub1Progress.Outbox);

        var second = first.Log.AcceptForwarded(first.Publisher, sub1Progress.Outbox);

        Assert.Single(first.Appended);
        Assert.Empty(second.Appended);
        Assert.Equal(1, second.Log.LastSequence);
        Assert.Equal(1, second.AcknowledgedUpTo);
    }

    [Fact]
    public void A_trust_deletion_replicates_like_an_addition()
    {
        var root = Root();
        PublisherUploads("tomcat-trust", root);
        sub1 = CatchUp(sub1, ref sub1Progress);
        var delete = pub.DeleteTrust("tomcat-trust", TrustEntry.FileNameFor(root.Certificate));
        pub = delete.State;
        log = log.RecordPublisherChanges(delete).Log;

        sub1 = CatchUp(sub1, ref sub1Progress);

        Assert.Empty(sub1.ListTrust());
        Assert.Equal(2, sub1Progress.LastAppliedSequence);
    }

    private static readonly string[] ClusterNodes = ["imppub", "impsub1", "impsub2"];

    [Fact]
    public void In_9_0_1_a_deletion_stays_on_its_node_and_is_copied_back_while_another_node_holds_the_certificate()
    {
        var root = Root();
        PublisherUploads("tomcat-trust", root);
        sub1 = CatchUp(sub1, ref sub1Progress);
        sub2 = CatchUp(sub2, ref sub2Progress);

        SubscriberDeletesOnItsNodeOnly(root);

        Assert.Empty(sub1.ListTrust());
        Assert.True(pub.GetTrustStore("tomcat-trust").Contains(root.Certificate));
        Assert.True(sub2.GetTrustStore("tomcat-trust").Contains(root.Certificate));
        Assert.Equal(root.Certificate, Assert.Single(TrustDeletion.ToCopyBack(log.Changes, "impsub1", ClusterNodes)).Certificate);
        Assert.Empty(TrustDeletion.ToCopyBack(log.Changes, "impsub2", ClusterNodes));

        // Copied back (a local import, forwarded as an upload is): the addition clears the deletion.
        var copy = sub1.ImportTrust("tomcat-trust", [root.Certificate], "copied back");
        sub1 = copy.State;
        sub1Progress = sub1Progress.RecordLocal(copy);
        ForwardOutbox();
        Assert.Empty(TrustDeletion.ToCopyBack(log.Changes, "impsub1", ClusterNodes));
    }

    [Fact]
    public void In_9_0_1_a_certificate_deleted_on_every_node_is_not_copied_back()
    {
        var root = Root();
        PublisherUploads("tomcat-trust", root);
        sub1 = CatchUp(sub1, ref sub1Progress);
        sub2 = CatchUp(sub2, ref sub2Progress);

        SubscriberDeletesOnItsNodeOnly(root);
        var sub2Delete = TrustDeletion.OnNodeOnly(sub2.DeleteTrust("tomcat-trust", TrustEntry.FileNameFor(root.Certificate)), "impsub2");
        sub2 = sub2Delete.State;
        sub2Progress = sub2Progress.RecordLocal(sub2Delete);
        var accepted = log.AcceptForwarded(pub, sub2Progress.Outbox);
        (log, pub) = (accepted.Log, accepted.Publisher);
        Assert.NotEmpty(TrustDeletion.ToCopyBack(log.Changes, "impsub1", ClusterNodes)); // the publisher still holds it
        var pubDelete = TrustDeletion.OnNodeOnly(pub.DeleteTrust("tomcat-trust", TrustEntry.FileNameFor(root.Certificate)), "imppub");
        pub = pubDelete.State;
        log = log.RecordPublisherChanges(pubDelete).Log;

        Assert.All(ClusterNodes, n => Assert.Empty(TrustDeletion.ToCopyBack(log.Changes, n, ClusterNodes)));
        Assert.All(new[] { pub, sub1, sub2 }, n => Assert.Empty(n.ListTrust()));
    }

    private void SubscriberDeletesOnItsNodeOnly(CertificateAuthority root)
    {
        var delete = TrustDeletion.OnNodeOnly(sub1.DeleteTrust("tomcat-trust", TrustEntry.FileNameFor(root.Certificate)), "impsub1");
        Assert.IsType<TrustCertificateDeletedOnNode>(Assert.Single(delete.Events));
        sub1 = delete.State;
        sub1Progress = sub1Progress.RecordLocal(delete);
        ForwardOutbox();
        sub1 = CatchUp(sub1, ref sub1Progress);
        sub2 = CatchUp(sub2, ref sub2Progress);
    }

    [Fact]
    public void Replicated_changes_name_the_services_to_restart_on_the_receiving_node()
    {
        PublisherUploads("cup-trust", Root());

        var catchUp = sub1Progress.CatchUp(sub1, log.Since(0));

        Assert.Equal(["Cisco SIP Proxy", "Cisco Presence Engine"], catchUp.Events.Single().ServicesToRestart.ToArray());
    }

    private void PublisherUploads(string store, CertificateAuthority ca)
    {
        var upload = pub.UploadTrust(store, Pem(ca.Certificate), ca.CommonName);
        Assert.True(upload.Accepted, upload.Reply);
        pub = upload.State;
        log = log.RecordPublisherChanges(upload).Log;
    }

    private void ForwardOutbox()
    {
        var accepted = log.AcceptForwarded(pub, sub1Progress.Outbox);
        log = accepted.Log;
        pub = accepted.Publisher;
        sub1Progress = sub1Progress.Acknowledge(accepted.AcknowledgedUpTo);
    }

    private NodeCertificates CatchUp(NodeCertificates node, ref ReplicaProgress progress)
    {
        var catchUp = progress.CatchUp(node, log.Since(progress.LastAppliedSequence));
        progress = catchUp.Progress;
        return catchUp.Node;
    }
}
