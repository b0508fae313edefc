using System.Collections.Immutable;
using ImpClusterSim.Domain.Certificates;
using ImpClusterSim.Domain.Settings;
using ImpClusterSim.Domain.Tls;
using ImpClusterSim.Domain.Topology;
using ImpClusterSim.Pki;
using static ImpClusterSim.Domain.Tests.Certificates.CertificateFixtures;

namespace ImpClusterSim.Domain.Tests.Tls;

public sealed class CertificateImportToolTests
{
    private static readonly NodeSpec ImpSpec = Imp("imppub", NodeRole.Publisher);
    private const string CucmHost = "cucmpub.example.com";

    private static CertificateImportRequest Request(bool reachable, params Certificate[] presented) =>
        new(CertificateImportTool.ImAndPresenceServiceTrust, CucmHost, 5061, reachable, [.. presented], T0.AddDays(1));

    [Fact]
    public void A_reachable_cucm_with_a_self_signed_certificate_is_verified_and_imported_into_cup_trust()
    {
        var imp = Install(ImpSpec);
        var cucmCert = Install(Cucm("cucmpub")).OwnCertificate(CertificateUnit.CallManager)!.Certificate;

        var report = CertificateImportTool.Run(imp, Request(true, cucmCert));

        Assert.Equal("cup-trust", report.TrustStore);
        Assert.Equal(["Peer Server Reachability Status: cucmpub.example.com:5061 (pingable)",
            "SSL Connection/Certificate Verification Status: SSL Connection/Certificate Verification - Verified"], report.Lines.ToArray());
        Assert.Equal([cucmCert], report.CertificatesToImport.ToArray());
        Assert.Equal(new TlsPeerSubject(CucmHost, CucmHost), report.PeerSubject);
        var import = CertificateImportTool.ImportInto(imp, report);
        Assert.True(import.State.GetTrustStore("cup-trust").Contains(cucmCert));
        Assert.Equal(["Cisco SIP Proxy", "Cisco Presence Engine"], import.ServicesToRestart.ToArray());
    }

    [Fact]
    public void The_peer_subject_is_added_to_the_list_and_to_the_sip_proxy_tls_context()
    {
        var cucmCert = Install(Cucm("cucmpub")).OwnCertificate(CertificateUnit.CallManager)!.Certificate;
        var report = CertificateImportTool.Run(Install(ImpSpec), Request(true, cucmCert));

        var settings = CertificateImportTool.ApplyPeerSubject(SecuritySettings.Defaults("example.com"), report);

        Assert.Contains(settings.TlsPeerSubjects, s => s.Name == CucmHost);
        Assert.Contains(CucmHost, settings.SipProxyTlsContextSelected);
    }

    [Fact]
    public void An_unreachable_peer_reports_unreachable_and_imports_nothing()
    {
        var report = CertificateImportTool.Run(Install(ImpSpec), Request(false));

        Assert.Equal("(unreachable)", report.Reachability);
        Assert.Equal("SSL Connection/Certificate Verification - Failed - Network Error", report.VerificationText);
        Assert.Empty(report.CertificatesToImport);
        Assert.Null(report.PeerSubject);
        Assert.False(CertificateImportTool.ImportInto(Install(ImpSpec), report).Accepted);
    }

    [Fact]
    public void A_peer_that_does_not_send_its_intermediate_is_missing_from_chain()
    {
        var root = Root();
        var issuing = Intermediate(root, "Test Issuing CA");
        var leaf = issuing.IssueLeaf(CucmHost, [CucmHost], Pool.Get("cucm/leaf", KeyAlgorithm.EcP256), T0).Certificate;

        var report = CertificateImportTool.Run(Install(ImpSpec), Request(true, leaf, root.Certificate));

        Assert.Equal(CertificateImportTool.FailedMissingFromChain, report.Verification);
        Assert.Empty(report.CertificatesToImport);
    }

    [Fact]
    public void A_peer_that_sends_its_whole_chain_is_verified_and_the_chain_is_imported_root_first()
    {
        var root = Root();
        var issuing = Intermediate(root, "Test Issuing CA");
        var leaf = issuing.IssueLeaf(CucmHost, [CucmHost], Pool.Get("cucm/leaf", KeyAlgorithm.EcP256), T0).Certificate;

        var report = CertificateImportTool.Run(Install(ImpSpec), Request(true, leaf, issuing.Certificate, root.Certificate));

        Assert.True(report.Verified, string.Join("; ", report.Reasons));
        Assert.Equal([root.Certificate, issuing.Certificate, leaf], report.CertificatesToImport.ToArray());
        Assert.True(CertificateImportTool.ImportInto(Install(ImpSpec), report).Accepted);
    }

    [Fact]
    public void A_peer_certificate_for_another_name_is_a_san_mismatch()
    {
        var other = Install(Cucm("cucmsub")).OwnCertificate(CertificateUnit.CallManager)!.Certificate;

        var report = CertificateImportTool.Run(Install(ImpSpec), Request(true, other));

        Assert.Equal(CertificateImportTool.FailedSanMismatch, report.Verification);
        Assert.Empty(report.CertificatesToImport);
    }

    [Fact]
    public void An_ip_address_as_peer_host_skips_the_name_check()
    {
        var cucmCert = Install(Cucm("cucmpub")).OwnCertificate(CertificateUnit.CallManager)!.Certificate;
        var request = Request(true, cucmCert) with { PeerHost = "10.0.1.1" };

        Assert.True(CertificateImportTool.Run(Install(ImpSpec), request).Verified);
    }

    [Fact]
    public void An_expired_peer_certificate_fails_verification_at_the_importing_nodes_clock()
    {
        var cucmCert = Install(Cucm("cucmpub")).OwnCertificate(CertificateUnit.CallManager)!.Certificate;
        var request = Request(true, cucmCert) with { At = cucmCert.NotAfter.AddDays(1) };

        var report = CertificateImportTool.Run(Install(ImpSpec), request);

        Assert.Equal(CertificateImportTool.Failed, report.Verification);
        Assert.Contains(report.Reasons, r => r.Contains("expired", StringComparison.Ordinal));
        Assert.Empty(report.CertificatesToImport);
    }
}
