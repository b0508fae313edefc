using ImpClusterSim.Domain.Certificates;
using ImpClusterSim.Domain.Services;
using ImpClusterSim.Node.Runtime;
using ImpClusterSim.Node.Services;
using ImpClusterSim.Simulation;

namespace ImpClusterSim.Node.Tests.Platform;

/// <summary>The guide's "Certificate Exchange Configuration Between IM and Presence Service and Cisco Unified Communications Manager".</summary>
public sealed class CucmExchangeTests : IDisposable
{
    private readonly SimulationRun _run = PlatformFixture.Lab();

    public CucmExchangeTests() => _run.RunFor(TimeSpan.FromMinutes(15));

    public void Dispose() => _run.Dispose();

    private AdminReply Do(string node, Func<Akka.Actor.IActorRef, object> op) => _run.Operator.Request<AdminReply>(node, op, TimeSpan.FromMinutes(1))!;

    private void Restart(string node, string service)
    {
        _run.Operator.Request<CliReply>(node, r => new CliRequest("utils service restart " + service, r));
        _run.RunFor(TimeSpan.FromMinutes(5));
    }

    private SipTrunkStatus Trunk() =>
        Assert.Single(_run.Operator.Request<SipTrunksSnapshot>("cucm-pub", r => new ToService(ServiceNames.CiscoCallManager, new QuerySipTrunks(r)))!.Trunks);

    private void ConfigureTrunk(string subject = "imp-a-pub.example.com")
    {
        Assert.True(Do("cucm-pub", r => new CucmOperation(new SipTrunkSecurityProfile("IMP-TLS", true, subject), r)).Accepted);
        Assert.True(Do("cucm-pub", r => new CucmOperation(new SipTrunk("IMP-Trunk", "IMP-TLS", ["imp-a-pub.example.com"]), r)).Accepted);
        Restart("cucm-pub", ServiceNames.CiscoCallManager);
    }

    private void ImportCucmCertificateIntoImp()
    {
        var report = Do("imp-a-pub", r => new CertificateImportToolOperation("IM and Presence (IM/P) Service Trust", "cucm-pub.example.com", 5061, r));
        Assert.True(report.Accepted, string.Join("\n", report.Messages));
        Assert.Contains(report.Messages, m => m.Contains("Verified"));
    }

    private void UploadCupPemToCallManagerTrust()
    {
        var download = Do("imp-a-pub", r => new CertificateOperation(new DownloadCertificate("cup.pem"), r));
        Assert.True(download.Accepted);
        var pem = download.Messages.Single(m => m.Contains("BEGIN CERTIFICATE"));
        Assert.True(Do("cucm-pub", r => new CertificateOperation(new UploadTrustCertificate("Callmanager-trust", pem, "imp-a-pub cup"), r)).Accepted);
    }

    [Fact]
    public void The_guide_exchange_step_by_step_makes_the_sip_trunk_secure()
    {
        ConfigureTrunk();
        Assert.False(Trunk().Secure);

        ImportCucmCertificateIntoImp();
        Restart("imp-a-pub", ServiceNames.CiscoSipProxy);
        UploadCupPemToCallManagerTrust();
        Restart("cucm-pub", ServiceNames.CiscoCallManager);

        var trunk = Trunk();
        Assert.True(trunk.Secure, trunk.Reason);
    }

    [Theory]
    [InlineData("imp-a-pub.example.com imp-a-sub1.example.com")]
    [InlineData("imp-a-pub.example.com,imp-a-sub1.example.com")]
    [InlineData("imp-a-pub.example.com; imp-a-sub1.example.com")]
    [InlineData("imp-a-pub.example.com:imp-a-sub1.example.com")]
    public void A_trunk_whose_subject_name_lists_both_imp_nodes_is_secure_to_each(string subjectNames)
    {
        // CUCM's X.509 Subject Name field takes several names (space, comma, semicolon or colon between them).
        Assert.True(Do("cucm-pub", r => new CucmOperation(new SipTrunkSecurityProfile("IMP-TLS", true, subjectNames), r)).Accepted);
        Assert.True(Do("cucm-pub", r => new CucmOperation(
            new SipTrunk("IMP-Trunk", "IMP-TLS", ["imp-a-pub.example.com", "imp-a-sub1.example.com"]), r)).Accepted);
        ImportCucmCertificateIntoImp();
        _run.RunFor(TimeSpan.FromMinutes(2)); // cup-trust and the TLS peer subject replicate to imp-a-sub1
        Restart("imp-a-pub", ServiceNames.CiscoSipProxy);
        Restart("imp-a-sub1", ServiceNames.CiscoSipProxy);
        foreach (var node in new[] { "imp-a-pub", "imp-a-sub1" })
        {
            var download = Do(node, r => new CertificateOperation(new DownloadCertificate("cup.pem"), r));
            var pem = download.Messages.Single(m => m.Contains("BEGIN CERTIFICATE"));
            Assert.True(Do("cucm-pub", r => new CertificateOperation(new UploadTrustCertificate("Callmanager-trust", pem, node + " cup"), r)).Accepted);
        }
        Restart("cucm-pub", ServiceNames.CiscoCallManager);

        var trunks = _run.Operator.Request<SipTrunksSnapshot>("cucm-pub", r => new ToService(ServiceNames.CiscoCallManager, new QuerySipTrunks(r)))!.Trunks;
        Assert.Equal(["imp-a-pub.example.com", "imp-a-sub1.example.com"], trunks.Select(t => t.Destination).Order());
        Assert.All(trunks, t => Assert.True(t.Secure, t.Destination + ": " + t.Reason));
    }

    [Fact]
    public void Without_the_sip_proxy_restart_the_imported_cucm_certificate_is_not_used()
    {
        ConfigureTrunk();
        ImportCucmCertificateIntoImp();
        UploadCupPemToCallManagerTrust();
        Restart("cucm-pub", ServiceNames.CiscoCallManager);
        var trunk = Trunk();
        Assert.False(trunk.Secure);
        Assert.Contains("SIP Proxy refused CallManager", trunk.Reason);
    }

    [Fact]
    public void Without_cup_pem_in_callmanager_trust_cucm_does_not_trust_the_sip_proxy()
    {
        ConfigureTrunk();
        ImportCucmCertificateIntoImp();
        Restart("imp-a-pub", ServiceNames.CiscoSipProxy);
        Restart("cucm-pub", ServiceNames.CiscoCallManager);
        var trunk = Trunk();
        Assert.False(trunk.Secure);
        Assert.DoesNotContain("SIP Proxy refused", trunk.Reason);
    }

    [Fact]
    public void A_trunk_subject_name_that_is_not_the_imp_certificate_cn_is_not_secure()
    {
        ConfigureTrunk(subject: "someone-else.example.com");
        ImportCucmCertificateIntoImp();
        Restart("imp-a-pub", ServiceNames.CiscoSipProxy);
        UploadCupPemToCallManagerTrust();
        Restart("cucm-pub", ServiceNames.CiscoCallManager);
        var trunk = Trunk();
        Assert.False(trunk.Secure);
        Assert.Contains("does not match the trunk's X.509 subject name", trunk.Reason);
    }

    [Fact]
    public void The_import_tool_reports_an_unreachable_peer()
    {
        _run["cucm-pub"].Crash();
        var start = _run.Now;
        var report = Do("imp-a-pub", r => new CertificateImportToolOperation("IM and Presence (IM/P) Service Trust", "cucm-pub.example.com", 5061, r));
        Assert.False(report.Accepted);
        Assert.Contains(report.Messages, m => m.Contains("(unreachable)"));
        Assert.Equal(CertificateImportToolService.Timeout, _run.Now - start);
    }

    [Fact]
    public void The_import_tool_adds_the_peer_subject_to_the_list_and_the_sip_proxy_tls_context()
    {
        ImportCucmCertificateIntoImp();
        var saved = _run.Operator.Request<SettingsSnapshot>("imp-a-pub", r => new QuerySettings(r))!.Saved;
        Assert.Contains(saved.TlsPeerSubjects, s => s.Name == "cucm-pub.example.com");
        Assert.Contains("cucm-pub.example.com", saved.SipProxyTlsContextSelected);
        _run.RunFor(TimeSpan.FromMinutes(2));
        // cup-trust is replicated in the cluster.
        Assert.Contains(_run.Operator.Request<CertificatesSnapshot>("imp-a-sub2", r => new QueryCertificates(r))!.Certificates
            .TrustCertificates(TrustStoreNames.CupTrust), t => t.Certificate.SubjectCommonName == "cucm-pub.example.com");
    }
}
