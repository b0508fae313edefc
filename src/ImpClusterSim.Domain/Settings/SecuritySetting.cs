namespace ImpClusterSim.Domain.Settings;

/// <summary>The cluster-wide security settings the simulator models; see <see cref="SecuritySettingInfo"/>.</summary>
public enum SecuritySetting
{
    SipIntraClusterTransport,
    XmppClientToImpSecureMode,
    XmppRouterToRouterSecureMode,
    WebClientToImpSecureMode,
    NodeToNodeDomain,
    UseDomainNameForXmppCertificateSubjectCommonName,
    SipProxyTlsContext,
}
