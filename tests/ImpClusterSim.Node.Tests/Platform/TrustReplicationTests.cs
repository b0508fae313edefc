using ImpClusterSim.Domain.Certificates;
using ImpClusterSim.Node.Runtime;
using ImpClusterSim.Simulation;

namespace ImpClusterSim.Node.Tests.Platform;

public sealed class TrustReplicationTests : IDisposable
{
    private readonly SimulationRun _run = PlatformFixture.Lab();
    private readonly TestCas _cas = new();

    public void Dispose() => _run.Dispose();

    private AdminReply Upload(string node, string store, string pem, string? signedBy = null) =>
        _run.Operator.Request<AdminReply>(node, r => new CertificateOperation(new UploadTrustCertificate(store, pem, "test", signedBy), r))!;

    private bool Trusts(string node, string store, string subjectCn) =>
        _run.Operator.Request<CertificatesSnapshot>(node, r => new QueryCertificates(r))!.Certificates
            .TrustCertificates(store).Any(t => t.Certificate.SubjectCommonName == subjectCn);

    private static readonly string[] ClusterA = ["imp-a-pub", "imp-a-sub1", "imp-a-sub2"];

    [Fact]
    public void A_trust_certificate_uploaded_on_a_subscriber_reaches_every_node_of_its_cluster_and_no_other()
    {
        Assert.True(Upload("imp-a-sub1", "tomcat-trust", _cas.Root.Certificate.ToPem()).Accepted);
        Assert.True(Trusts("imp-a-sub1", "tomcat-trust", "Test Root CA"));
        Assert.False(Trusts("imp-a-sub2", "tomcat-trust", "Test Root CA"));
        _run.RunFor(TimeSpan.FromMinutes(3));
        Assert.All(ClusterA, n => Assert.True(Trusts(n, "tomcat-trust", "Test Root CA"), n));
        Assert.False(Trusts("imp-b-pub", "tomcat-trust", "Test Root CA"));
        Assert.False(Trusts("imp-b-sub1", "tomcat-trust", "Test Root CA"));
        Assert.False(Trusts("cucm-pub", "tomcat-trust", "Test Root CA"));
    }

    [Fact]
    public void A_publisher_upload_reaches_the_subscribers_within_the_replication_delay()
    {
        Upload("imp-a-pub", "cup-xmpp-trust", _cas.Root.Certificate.ToPem());
        _run.RunFor(TimeSpan.FromSeconds(61));
        Assert.All(ClusterA, n => Assert.True(Trusts(n, "cup-xmpp-trust", "Test Root CA"), n));
    }

    [Fact]
    public void A_subscriber_down_during_replication_has_the_certificate_after_it_returns()
    {
        _run["imp-a-sub2"].Crash();
        Upload("imp-a-pub", "tomcat-trust", _cas.Root.Certificate.ToPem());
        _run.RunFor(TimeSpan.FromMinutes(10));
        Assert.True(Trusts("imp-a-sub1", "tomcat-trust", "Test Root CA"));
        _run["imp-a-sub2"].Start();
        Assert.False(Trusts("imp-a-sub2", "tomcat-trust", "Test Root CA"));
        _run.RunFor(TimeSpan.FromMinutes(1));
        Assert.True(Trusts("imp-a-sub2", "tomcat-trust", "Test Root CA"));
    }

    [Fact]
    public void With_the_publisher_down_nothing_is_distributed_until_it_returns()
    {
        _run["imp-a-pub"].Crash();
        Assert.True(Upload("imp-a-sub1", "tomcat-trust", _cas.Root.Certificate.ToPem()).Accepted);
        _run.RunFor(TimeSpan.FromMinutes(30));
        Assert.False(Trusts("imp-a-sub2", "tomcat-trust", "Test Root CA"));
        _run["imp-a-pub"].Start();
        _run.RunFor(TimeSpan.FromMinutes(12));
        Assert.All(ClusterA, n => Assert.True(Trusts(n, "tomcat-trust", "Test Root CA"), n));
    }

    [Fact]
    public void An_intermediate_uploaded_before_its_root_is_refused_and_changes_nothing()
    {
        var reply = Upload("imp-a-pub", "tomcat-trust", _cas.Intermediate.Certificate.ToPem(), "Test Root CA");
        Assert.False(reply.Accepted);
        Assert.False(Trusts("imp-a-pub", "tomcat-trust", "Test Issuing CA"));
        Assert.True(Upload("imp-a-pub", "tomcat-trust", _cas.Root.Certificate.ToPem()).Accepted);
        Assert.True(Upload("imp-a-pub", "tomcat-trust", _cas.Intermediate.Certificate.ToPem(), "Test Root CA").Accepted);
        _run.RunFor(TimeSpan.FromMinutes(2));
        Assert.All(ClusterA, n => Assert.True(Trusts(n, "tomcat-trust", "Test Issuing CA"), n));
    }

    [Fact]
    public void An_acknowledged_upload_survives_a_crash_and_an_unprocessed_one_changes_nothing()
    {
        Assert.True(Upload("imp-b-pub", "tomcat-trust", _cas.Root.Certificate.ToPem()).Accepted);
        _run["imp-b-pub"].Crash();
        _run["imp-b-pub"].Start();
        Assert.True(Trusts("imp-b-pub", "tomcat-trust", "Test Root CA"));

        // An upload still in the mailbox when the node crashes is lost whole: nothing of it is applied.
        var other = new TestCas("Other");
        _run["imp-b-pub"].Tell(new CertificateOperation(new UploadTrustCertificate("tomcat-trust", other.Root.Certificate.ToPem(), "x"), Akka.Actor.ActorRefs.Nobody));
        _run["imp-b-pub"].Crash();
        _run["imp-b-pub"].Start();
        _run.RunFor(TimeSpan.FromMinutes(5));
        Assert.False(Trusts("imp-b-pub", "tomcat-trust", "Other Root CA"));
        Assert.True(Trusts("imp-b-pub", "tomcat-trust", "Test Root CA"));
    }

    [Fact]
    public void Leaf_certificates_stay_on_their_node()
    {
        var before = _run.Operator.Request<CertificatesSnapshot>("imp-a-sub1", r => new QueryCertificates(r))!.Certificates
            .OwnCertificate(Pki.CertificateUnit.Tomcat)!.Certificate;
        var reply = _run.Operator.Request<AdminReply>("imp-a-pub", r => new CertificateOperation(new RegenerateCertificate("tomcat"), r))!;
        Assert.True(reply.Accepted);
        _run.RunFor(TimeSpan.FromMinutes(10));
        var after = _run.Operator.Request<CertificatesSnapshot>("imp-a-sub1", r => new QueryCertificates(r))!.Certificates
            .OwnCertificate(Pki.CertificateUnit.Tomcat)!.Certificate;
        Assert.Equal(before, after);
    }
}
