using ImpClusterSim.Domain.Certificates;
using ImpClusterSim.Domain.Intercluster;
using ImpClusterSim.Domain.Services;
using ImpClusterSim.Node.Runtime;
using ImpClusterSim.Pki;
using static ImpClusterSim.Node.Tests.Platform.InterclusterFixture;

namespace ImpClusterSim.Node.Tests.Platform;

/// <summary>The guide's "CA-Signed Certificate Upload to IM and Presence Service", step by step, on two peered clusters.</summary>
public sealed class CaSignedRolloutTests : IDisposable
{
    private static readonly string[] ClusterA = ["imp-a-pub", "imp-a-sub1", "imp-a-sub2"];
    private readonly InterclusterFixture _f = new();
    private readonly TestCas _cas = new();

    public CaSignedRolloutTests() => _f.PeerBothWays();

    public void Dispose() => _f.Dispose();

    private void UploadChain(string store)
    {
        Assert.True(_f.Do(A, r => new CertificateOperation(new UploadTrustCertificate(store, _cas.Root.Certificate.ToPem(), "root"), r)).Accepted);
        Assert.True(_f.Do(A, r => new CertificateOperation(new UploadTrustCertificate(store, _cas.Intermediate.Certificate.ToPem(), "intermediate", "Test Root CA"), r)).Accepted);
    }

    private AdminReply UploadSigned(string node, string unit)
    {
        _f.Do(node, r => new CertificateOperation(new GenerateCsr(unit), r));
        var csr = _f.Run.Operator.Request<CertificatesSnapshot>(node, r => new QueryCertificates(r))!.Certificates.Own.PendingRequests[unit].Request;
        var leaf = _cas.Intermediate.Issue(csr, _f.Run.Now.ToDateTime());
        return _f.Do(node, r => new CertificateOperation(new UploadSignedCertificate(unit, leaf.ToPem()), r));
    }

    private string IssuerOf(string node, CertificateUnit unit) =>
        _f.Run.Operator.Request<CertificatesSnapshot>(node, r => new QueryCertificates(r))!.Certificates.OwnCertificate(unit)!.Certificate.IssuerCommonName;

    [Fact]
    public void Ca_signed_tomcat_rollout_keeps_intercluster_secure()
    {
        UploadChain("tomcat-trust");
        _f.Restart(A, ServiceNames.CiscoInterclusterSyncAgent, TimeSpan.FromMinutes(1));
        // Verify CA certificates have synchronized to other clusters (on the other publisher).
        var troubleshooter = _f.Run.Operator.Request<TroubleshooterReport>(B, r => new RunSystemTroubleshooter(r))!;
        Assert.True(troubleshooter.InterClustering.Passed, troubleshooter.Text);
        Assert.True(_f.Trusts(B, TrustStoreNames.TomcatTrust, "Test Issuing CA"));
        _f.Run.RunFor(TimeSpan.FromMinutes(10)); // "allow ten minutes after importing CA certificates"

        foreach (var node in ClusterA) Assert.True(UploadSigned(node, "tomcat").Accepted);
        foreach (var node in ClusterA) _f.Cli(node, "utils service restart Cisco Tomcat");
        _f.Run.RunFor(TimeSpan.FromMinutes(6));
        Assert.All(ClusterA, n => Assert.Equal("Test Issuing CA", IssuerOf(n, CertificateUnit.Tomcat)));

        // Verify intercluster syncing: Force Manual Sync with the Tomcat resync, allow 60 seconds for the panel.
        _f.Intercluster(B, new ForceManualSync(AAddress, ResyncTomcat: true));
        _f.Run.RunFor(TimeSpan.FromSeconds(60));
        Assert.Equal("Connection is secure", _f.Panel(B, AAddress));
    }

    [Fact]
    public void Uploading_the_signed_tomcat_before_the_ca_reached_the_peer_leaves_it_out_of_sync_until_a_tomcat_resync()
    {
        UploadChain("tomcat-trust");
        // No agent restart and no ten-minute wait: the peer lacks the CA when the CA-signed Tomcat certificate goes live.
        Assert.True(UploadSigned(A, "tomcat").Accepted);
        _f.Restart(A, ServiceNames.CiscoTomcat, TimeSpan.FromMinutes(6));
        _f.Intercluster(B, new ForceManualSync(AAddress, ResyncTomcat: false));
        _f.Run.RunFor(TimeSpan.FromSeconds(5));
        Assert.Equal(PeerStatusKind.OutOfSync, _f.Agent(B, AAddress));
        // Over a connection it cannot validate, B pulls nothing from A: the periodic syncs do not repair it.
        _f.Run.RunFor(IcsaTimings.Default.ConvergenceBound);
        Assert.Equal(PeerStatusKind.OutOfSync, _f.Agent(B, AAddress));
        Assert.False(_f.Trusts(B, TrustStoreNames.TomcatTrust, "Test Issuing CA"));

        _f.Intercluster(B, new ForceManualSync(AAddress, ResyncTomcat: true));
        _f.Run.RunFor(TimeSpan.FromSeconds(60));
        Assert.Equal("Connection is secure", _f.Panel(B, AAddress));
        Assert.True(_f.Trusts(B, TrustStoreNames.TomcatTrust, "Test Issuing CA"));
    }

    [Fact]
    public void Ca_signed_cup_xmpp_takes_effect_after_the_xcp_router_restart()
    {
        UploadChain("cup-xmpp-trust");
        _f.Restart(A, ServiceNames.CiscoInterclusterSyncAgent, TimeSpan.FromMinutes(1));
        Assert.True(_f.Trusts(B, TrustStoreNames.CupXmppTrust, "Test Root CA"));
        _f.Run.RunFor(TimeSpan.FromMinutes(2));
        foreach (var node in ClusterA) Assert.True(UploadSigned(node, "cup-xmpp").Accepted);
        Assert.All(ClusterA, n => Assert.Equal("Test Issuing CA", IssuerOf(n, CertificateUnit.CupXmpp)));
    }

    [Fact]
    public void Ca_signed_cup_xmpp_s2s_goes_on_federation_nodes_and_the_seed_literal_cup_xmpp_step_is_refused()
    {
        UploadChain("cup-xmpp-trust");
        _f.Run.RunFor(TimeSpan.FromMinutes(2));
        // imp-a-sub1 is the federation node of cluster A.
        Assert.True(UploadSigned("imp-a-sub1", "cup-xmpp-s2s").Accepted);
        Assert.Equal("Test Issuing CA", IssuerOf("imp-a-sub1", CertificateUnit.CupXmppS2s));
        _f.Restart("imp-a-sub1", ServiceNames.CiscoXcpXmppFederationConnectionManager, TimeSpan.FromMinutes(3));
        Assert.Contains("Cisco XCP XMPP Federation Connection Manager[STARTED]", _f.Cli("imp-a-sub1", "utils service list"));
        Assert.DoesNotContain("Federation", _f.Cli("imp-a-sub2", "utils service list"));
    }
}
