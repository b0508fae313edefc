using ImpClusterSim.Domain.Settings;
using ImpClusterSim.Node.Runtime;
using ImpClusterSim.Simulation;

namespace ImpClusterSim.Node.Tests.Platform;

public sealed class SecuritySettingsTests : IDisposable
{
    private readonly SimulationRun _run = PlatformFixture.Lab();

    public SecuritySettingsTests() => _run.RunFor(TimeSpan.FromMinutes(15));

    public void Dispose() => _run.Dispose();

    private AdminReply Edit(string node, SettingsEdit edit) =>
        _run.Operator.Request<AdminReply>(node, r => new SettingsOperation(edit, r))!;

    private SettingsSnapshot Settings(string node) => _run.Operator.Request<SettingsSnapshot>(node, r => new QuerySettings(r))!;

    private void Cli(string node, string line) => _run.Operator.Request<CliReply>(node, r => new CliRequest(line, r));

    [Fact]
    public void A_tls_context_change_is_not_active_until_the_sip_proxy_restarts()
    {
        Assert.True(Edit("imp-a-pub", new AddTlsPeerSubjectEdit("cucm-pub.example.com", "cucm-pub")).Accepted);
        Assert.True(Edit("imp-a-pub", new SelectTlsPeerSubjectEdit("cucm-pub.example.com")).Accepted);
        _run.RunFor(TimeSpan.FromMinutes(5));
        Assert.DoesNotContain(Settings("imp-a-pub").Active.SipProxyPeerSubjects, s => s.Name == "cucm-pub.example.com");
        Assert.Contains(Settings("imp-a-pub").Pending, p => p.Setting == SecuritySetting.SipProxyTlsContext);

        Cli("imp-a-pub", "utils service restart Cisco SIP Proxy");
        _run.RunFor(TimeSpan.FromMinutes(5));
        Assert.Contains(Settings("imp-a-pub").Active.SipProxyPeerSubjects, s => s.Name == "cucm-pub.example.com");
    }

    [Fact]
    public void Saved_settings_replicate_to_the_subscribers_and_apply_there_only_after_their_own_restart()
    {
        Assert.True(Edit("imp-a-pub", new SetSecuritySetting(SecuritySetting.SipIntraClusterTransport, "TCP")).Accepted);
        _run.RunFor(TimeSpan.FromMinutes(2));
        var sub = Settings("imp-a-sub2");
        Assert.Equal(SipTransport.Tcp, sub.Saved.SipIntraClusterTransport);
        Assert.Equal(SipTransport.Tls, sub.Active.SipIntraClusterTransport);
        Assert.Equal(SipTransport.Tls, Settings("imp-b-pub").Saved.SipIntraClusterTransport);

        Cli("imp-a-sub2", "utils service restart Cisco SIP Proxy");
        _run.RunFor(TimeSpan.FromMinutes(5));
        Assert.Equal(SipTransport.Tcp, Settings("imp-a-sub2").Active.SipIntraClusterTransport);
        Assert.Equal(SipTransport.Tls, Settings("imp-a-sub1").Active.SipIntraClusterTransport);
    }

    [Fact]
    public void Each_xmpp_secure_mode_is_applied_by_the_restart_the_guide_names()
    {
        Edit("imp-b-pub", new SetSecuritySetting(SecuritySetting.XmppRouterToRouterSecureMode, "on"));
        Edit("imp-b-pub", new SetSecuritySetting(SecuritySetting.XmppClientToImpSecureMode, "off"));
        Cli("imp-b-pub", "utils service restart Cisco XCP Connection Manager");
        _run.RunFor(TimeSpan.FromMinutes(10));
        var s = Settings("imp-b-pub");
        Assert.False(s.Active.XmppClientToImpSecureMode);
        Assert.False(s.Active.XmppRouterToRouterSecureMode);
        Cli("imp-b-pub", "utils service restart Cisco XCP Router");
        _run.RunFor(TimeSpan.FromMinutes(10));
        Assert.True(Settings("imp-b-pub").Active.XmppRouterToRouterSecureMode);
    }

    [Fact]
    public void Changing_the_node_to_node_domain_without_regenerating_s2s_is_reported_at_the_xcp_router_restart()
    {
        var mismatches = new List<string>();
        _run.Trace.AddObserver(e => { if (e.Event == "xmpp-domain-mismatch") mismatches.Add(e.Node); });
        Edit("imp-a-pub", new SetSecuritySetting(SecuritySetting.NodeToNodeDomain, "federated.example.org"));
        _run.RunFor(TimeSpan.FromMinutes(2));
        Assert.Empty(mismatches);
        Cli("imp-a-sub1", "utils service restart Cisco XCP Router");
        _run.RunFor(TimeSpan.FromMinutes(10));
        Assert.Equal(["imp-a-sub1"], mismatches);
    }

    [Fact]
    public void Regenerating_s2s_after_changing_the_node_to_node_domain_then_restarting_the_router_leaves_no_mismatch()
    {
        // The guide's tip: regenerate the XMPP S2S certificate, then restart the Cisco XCP Router.
        var mismatches = new List<string>();
        _run.Trace.AddObserver(e => { if (e.Event == "xmpp-domain-mismatch") mismatches.Add(e.Node); });
        Edit("imp-a-pub", new SetSecuritySetting(SecuritySetting.NodeToNodeDomain, "federated.example.org"));
        _run.RunFor(TimeSpan.FromMinutes(2));
        _run.Operator.Request<CliReply>("imp-a-sub1", r => new CliRequest("set cert regen cup-xmpp-s2s", r));
        var regen = _run.Operator.Request<CliReply>("imp-a-sub1", r => new CliRequest("yes", r))!.Output;
        Assert.Contains("Successfully regenerated certificate for cup-xmpp-s2s.", regen);
        var s2s = _run.Operator.Request<CertificatesSnapshot>("imp-a-sub1", r => new QueryCertificates(r))!.Certificates
            .OwnCertificate(Pki.CertificateUnit.CupXmppS2s)!.Certificate;
        Assert.Contains("federated.example.org", s2s.DnsNames);
        foreach (var node in new[] { "imp-a-pub", "imp-a-sub1", "imp-a-sub2" }) Cli(node, "utils service restart Cisco XCP Router");
        _run.RunFor(TimeSpan.FromMinutes(10));
        Assert.Equal("federated.example.org", Settings("imp-a-sub1").Active.NodeToNodeDomain);
        Assert.Empty(mismatches);
    }

    [Fact]
    public void Settings_are_administered_on_the_publisher_and_bad_values_are_refused()
    {
        Assert.False(Edit("imp-a-sub1", new SetSecuritySetting(SecuritySetting.SipIntraClusterTransport, "TCP")).Accepted);
        var bad = Edit("imp-a-pub", new SetSecuritySetting(SecuritySetting.SipIntraClusterTransport, "SCTP"));
        Assert.False(bad.Accepted);
        Assert.Contains("TLS, TCP or UDP", bad.Messages[0]);
        Assert.Equal(SipTransport.Tls, Settings("imp-a-pub").Saved.SipIntraClusterTransport);
    }
}
