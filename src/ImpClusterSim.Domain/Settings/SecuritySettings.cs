using System.Collections.Immutable;

namespace ImpClusterSim.Domain.Settings;

/// <summary>
/// The cluster-wide security settings as saved in Cisco Unified CM IM and Presence Administration (the pending
/// values). What a node's services use is in <see cref="NodeActiveSettings"/>: a saved value becomes active on a
/// node when the service named by <see cref="SecuritySettingInfo.AppliedBy"/> next starts there.
/// </summary>
public sealed record SecuritySettings(
    SipTransport SipIntraClusterTransport,
    bool XmppClientToImpSecureMode,
    bool XmppRouterToRouterSecureMode,
    bool WebClientToImpSecureMode,
    string NodeToNodeDomain,
    bool UseDomainNameForXmppCertificateSubjectCommonName,
    ImmutableArray<TlsPeerSubject> TlsPeerSubjects,
    ImmutableArray<string> SipProxyTlsContextSelected)
{
    /// <summary>
    /// Product defaults: TLS, client secure mode on, router-to-router and web client off, the check box off. The
    /// node-to-node domain starts as the cluster's IM&amp;P domain (a modelling choice).
    /// </summary>
    public static SecuritySettings Defaults(string imDomain) =>
        new(SipTransport.Tls, true, false, false, imDomain, false, [], []);

    public SecuritySettings AddTlsPeerSubject(string name, string description)
    {
        var existing = TlsPeerSubjects.FirstOrDefault(s => s.Name == name);
        return this with
        {
            TlsPeerSubjects = existing is null
                ? TlsPeerSubjects.Add(new TlsPeerSubject(name, description))
                : TlsPeerSubjects.Replace(existing, existing with { Description = description }),
        };
    }

    public SecuritySettings RemoveTlsPeerSubject(string name) => this with
    {
        TlsPeerSubjects = TlsPeerSubjects.RemoveAll(s => s.Name == name),
        SipProxyTlsContextSelected = SipProxyTlsContextSelected.Remove(name),
    };

    /// <summary>Moves a configured peer subject to "Selected TLS Peer Subjects" of the SIP Proxy TLS context.</summary>
    public SecuritySettings SelectTlsPeerSubject(string name)
    {
        if (!TlsPeerSubjects.Any(s => s.Name == name))
            throw new ArgumentException($"no TLS peer subject '{name}' is configured", nameof(name));
        return SipProxyTlsContextSelected.Contains(name) ? this : this with { SipProxyTlsContextSelected = SipProxyTlsContextSelected.Add(name) };
    }

    public SecuritySettings DeselectTlsPeerSubject(string name) => this with { SipProxyTlsContextSelected = SipProxyTlsContextSelected.Remove(name) };

    /// <summary>
    /// What IM&amp;P does on importing a certificate: it attempts to add the subject to the TLS peer subjects and to
    /// the TLS context (the guide). <paramref name="nodeName"/> becomes the description.
    /// </summary>
    public SecuritySettings OnCertificateImported(string subjectCommonName, string nodeName) =>
        AddTlsPeerSubject(subjectCommonName, nodeName).SelectTlsPeerSubject(subjectCommonName);

    /// <summary>The value of one setting as text: TLS/TCP/UDP, on/off, the domain, or the selected subjects.</summary>
    public string ValueText(SecuritySetting setting) => setting switch
    {
        SecuritySetting.SipIntraClusterTransport => SipIntraClusterTransport.ToString().ToUpperInvariant(),
        SecuritySetting.XmppClientToImpSecureMode => OnOff(XmppClientToImpSecureMode),
        SecuritySetting.XmppRouterToRouterSecureMode => OnOff(XmppRouterToRouterSecureMode),
        SecuritySetting.WebClientToImpSecureMode => OnOff(WebClientToImpSecureMode),
        SecuritySetting.NodeToNodeDomain => NodeToNodeDomain,
        SecuritySetting.UseDomainNameForXmppCertificateSubjectCommonName => OnOff(UseDomainNameForXmppCertificateSubjectCommonName),
        SecuritySetting.SipProxyTlsContext => string.Join(", ", SipProxyTlsContextSelected),
        _ => throw new ArgumentOutOfRangeException(nameof(setting)),
    };

    /// <summary>
    /// The subject CN the general XMPP certificate (cup-xmpp) should carry: the node-to-node domain when
    /// "Use Domain Name for XMPP Certificate Subject Common Name" is checked, otherwise the node's FQDN.
    /// </summary>
    public string CupXmppCommonNameFor(string nodeFqdn) => UseDomainNameForXmppCertificateSubjectCommonName ? NodeToNodeDomain : nodeFqdn;

    private static string OnOff(bool value) => value ? "on" : "off";
}
