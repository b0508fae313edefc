using ImpClusterSim.Domain.Settings;
using static ImpClusterSim.Domain.Services.ServiceNames;

namespace ImpClusterSim.Domain.Tests.Settings;

public sealed class SettingsTests
{
    private static readonly SecuritySettings Saved = SecuritySettings.Defaults("a.example.com");

    private static readonly string[] AllServices =
        [CiscoTomcat, CiscoXcpRouter, CiscoSipProxy, CiscoPresenceEngine, CiscoXcpConnectionManager, CiscoXcpWebConnectionManager];

    private static NodeActiveSettings Node() => NodeActiveSettings.LoadedAtStart("imp-a-pub", Saved, AllServices);

    [Fact]
    public void The_defaults_are_tls_client_secure_mode_on_router_and_web_off()
    {
        Assert.Equal(
            (SipTransport.Tls, true, false, false, false, "a.example.com"),
            (Saved.SipIntraClusterTransport, Saved.XmppClientToImpSecureMode, Saved.XmppRouterToRouterSecureMode,
             Saved.WebClientToImpSecureMode, Saved.UseDomainNameForXmppCertificateSubjectCommonName, Saved.NodeToNodeDomain));
    }

    [Fact]
    public void A_sip_transport_change_is_not_active_until_the_sip_proxy_restarts()
    {
        var node = Node();
        var saved = Saved with { SipIntraClusterTransport = SipTransport.Tcp };
        node = node.OnServiceStarted(CiscoXcpRouter, saved).State;
        Assert.Equal(SipTransport.Tls, node.SipIntraClusterTransport);
        var result = node.OnServiceStarted(CiscoSipProxy, saved);
        Assert.Equal(SipTransport.Tcp, result.State.SipIntraClusterTransport);
        Assert.Equal([new SettingActivated("imp-a-pub", SecuritySetting.SipIntraClusterTransport, "TCP")], result.Events.ToList());
    }

    [Fact]
    public void Client_secure_mode_is_applied_by_the_xcp_connection_manager()
    {
        var saved = Saved with { XmppClientToImpSecureMode = false };
        var node = Node().OnServiceStarted(CiscoXcpRouter, saved).State;
        Assert.True(node.XmppClientToImpSecureMode);
        Assert.False(node.OnServiceStarted(CiscoXcpConnectionManager, saved).State.XmppClientToImpSecureMode);
    }

    [Fact]
    public void Router_to_router_secure_mode_is_applied_by_the_xcp_router()
    {
        var saved = Saved with { XmppRouterToRouterSecureMode = true };
        var node = Node().OnServiceStarted(CiscoXcpConnectionManager, saved).State;
        Assert.False(node.XmppRouterToRouterSecureMode);
        Assert.True(node.OnServiceStarted(CiscoXcpRouter, saved).State.XmppRouterToRouterSecureMode);
    }

    [Fact]
    public void Web_client_secure_mode_is_applied_by_the_xcp_web_connection_manager()
    {
        var saved = Saved with { WebClientToImpSecureMode = true };
        var node = Node().OnServiceStarted(CiscoXcpRouter, saved).State;
        Assert.False(node.WebClientToImpSecureMode);
        Assert.True(node.OnServiceStarted(CiscoXcpWebConnectionManager, saved).State.WebClientToImpSecureMode);
    }

    [Fact]
    public void Xmpp_certificate_settings_are_applied_by_the_xcp_router()
    {
        var saved = Saved with { NodeToNodeDomain = "cisco.com", UseDomainNameForXmppCertificateSubjectCommonName = true };
        var node = Node().OnServiceStarted(CiscoSipProxy, saved).State;
        Assert.Equal("a.example.com", node.NodeToNodeDomain);
        node = node.OnServiceStarted(CiscoXcpRouter, saved).State;
        Assert.Equal("cisco.com", node.NodeToNodeDomain);
        Assert.Equal("on", node.ActiveValue(SecuritySetting.UseDomainNameForXmppCertificateSubjectCommonName));
    }

    [Fact]
    public void The_tls_context_is_effective_after_the_sip_proxy_restarts()
    {
        var saved = Saved.AddTlsPeerSubject("cucm-pub.example.com", "cucm-pub").SelectTlsPeerSubject("cucm-pub.example.com");
        var node = Node();
        Assert.Empty(node.SipProxyPeerSubjects);
        node = node.OnServiceStarted(CiscoSipProxy, saved).State;
        Assert.Equal([new TlsPeerSubject("cucm-pub.example.com", "cucm-pub")], node.SipProxyPeerSubjects.ToList());
    }

    [Fact]
    public void An_unselected_peer_subject_is_not_accepted_by_the_sip_proxy()
    {
        var saved = Saved.AddTlsPeerSubject("x.example.com", "x");
        Assert.Empty(Node().OnServiceStarted(CiscoSipProxy, saved).State.SipProxyPeerSubjects);
        Assert.Throws<ArgumentException>(() => Saved.SelectTlsPeerSubject("nobody"));
    }

    [Fact]
    public void Importing_a_certificate_adds_its_subject_to_the_peer_subjects_and_the_tls_context()
    {
        var saved = Saved.OnCertificateImported("imp-b-pub.example.com", "imp-b-pub");
        Assert.Equal([new TlsPeerSubject("imp-b-pub.example.com", "imp-b-pub")], saved.TlsPeerSubjects.ToList());
        Assert.Equal(["imp-b-pub.example.com"], saved.SipProxyTlsContextSelected.ToList());
    }

    [Fact]
    public void Pending_lists_each_saved_change_with_the_service_to_restart()
    {
        var saved = Saved with { SipIntraClusterTransport = SipTransport.Udp, XmppRouterToRouterSecureMode = true };
        var pending = Node().Pending(saved);
        Assert.Equal(
            [
                new PendingSetting(SecuritySetting.SipIntraClusterTransport, "SIP Intra-cluster Proxy-to-Proxy Transport Protocol", CiscoSipProxy, "UDP", "TLS"),
                new PendingSetting(SecuritySetting.XmppRouterToRouterSecureMode, "Enable XMPP Router-to-Router Secure Mode", CiscoXcpRouter, "on", "off"),
            ],
            pending.ToList());
        Assert.Empty(Node().Pending(Saved));
    }

    [Fact]
    public void A_service_that_loads_no_security_setting_changes_nothing()
    {
        var node = Node();
        var result = node.OnServiceStarted(CiscoTomcat, Saved with { XmppRouterToRouterSecureMode = true });
        Assert.Same(node, result.State);
        Assert.Empty(result.Events);
    }

    [Fact]
    public void The_9_0_1_label_of_the_domain_check_box_is_the_common_name_one()
    {
        Assert.Equal("Use Domain Name for XMPP Certificate Subject Common Name",
            SecuritySettingInfo.Of(SecuritySetting.UseDomainNameForXmppCertificateSubjectCommonName).Label);
    }

    [Fact]
    public void The_cup_xmpp_common_name_follows_the_domain_check_box()
    {
        Assert.Equal("imp-a-pub.example.com", Saved.CupXmppCommonNameFor("imp-a-pub.example.com"));
        Assert.Equal("a.example.com", (Saved with { UseDomainNameForXmppCertificateSubjectCommonName = true }).CupXmppCommonNameFor("imp-a-pub.example.com"));
    }

    [Fact]
    public void Changing_the_domain_without_regenerating_the_s2s_certificate_is_a_mismatch_at_router_restart()
    {
        var oldCert = new XmppCertificateNames("imp-a-pub.example.com", ["a.example.com"]);
        var saved = Saved with { NodeToNodeDomain = "cisco.com" };
        var result = Node().OnServiceStarted(CiscoXcpRouter, saved, oldCert);
        var mismatch = Assert.Single(result.Events.OfType<DomainMismatchDetected>()).Mismatch;
        Assert.Equal(("imp-a-pub", "cisco.com"), (mismatch.Node, mismatch.Domain));
        Assert.Contains("regenerate the XMPP S2S certificate", mismatch.Message);
    }

    [Fact]
    public void Regenerating_the_s2s_certificate_before_the_router_restart_avoids_the_mismatch()
    {
        var newCert = new XmppCertificateNames("imp-a-pub.example.com", ["cisco.com"]);
        var saved = Saved with { NodeToNodeDomain = "cisco.com" };
        Assert.Empty(Node().OnServiceStarted(CiscoXcpRouter, saved, newCert).Events.OfType<DomainMismatchDetected>());
        var wildcard = new XmppCertificateNames("imp-a-pub.example.com", ["*.cisco.com"]);
        Assert.Empty(Node().OnServiceStarted(CiscoXcpRouter, saved, wildcard).Events.OfType<DomainMismatchDetected>());
    }

    [Fact]
    public void The_mismatch_is_only_checked_when_the_xcp_router_starts()
    {
        var oldCert = new XmppCertificateNames("imp-a-pub.example.com", ["a.example.com"]);
        var saved = Saved with { NodeToNodeDomain = "cisco.com" };
        Assert.Empty(Node().OnServiceStarted(CiscoXcpConnectionManager, saved, oldCert).Events.OfType<DomainMismatchDetected>());
    }
}
