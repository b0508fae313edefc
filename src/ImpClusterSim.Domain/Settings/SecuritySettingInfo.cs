using System.Collections.Immutable;
using ImpClusterSim.Domain.Services;

namespace ImpClusterSim.Domain.Settings;

/// <summary>
/// A setting's label as the admin GUI shows it (9.0(1) names) and the service whose restart makes a saved value
/// active (the guide, "XMPP Security Settings" and "SIP Security Settings").
/// </summary>
public sealed record SecuritySettingInfo(SecuritySetting Setting, string Label, string AppliedBy)
{
    /// <summary>The GUI label of the 9.0(1) check box; later releases call it "Use Domain Name for XMPP Certificate Subject Alternative Name".</summary>
    public const string UseDomainNameLabel901 = "Use Domain Name for XMPP Certificate Subject Common Name";

    public const string UseDomainNameLabelLater = "Use Domain Name for XMPP Certificate Subject Alternative Name";

    public const string SipProxyTlsContextName = "Default_Cisco_UPS_SIP_Proxy_Peer_Auth_TLS_Context";

    public static ImmutableArray<SecuritySettingInfo> All { get; } =
    [
        new(SecuritySetting.SipIntraClusterTransport, "SIP Intra-cluster Proxy-to-Proxy Transport Protocol", ServiceNames.CiscoSipProxy),
        new(SecuritySetting.XmppClientToImpSecureMode, "Enable XMPP Client To IM/P Service Secure Mode", ServiceNames.CiscoXcpConnectionManager),
        new(SecuritySetting.XmppRouterToRouterSecureMode, "Enable XMPP Router-to-Router Secure Mode", ServiceNames.CiscoXcpRouter),
        new(SecuritySetting.WebClientToImpSecureMode, "Enable Web Client to IM/P Service Secure Mode", ServiceNames.CiscoXcpWebConnectionManager),
        new(SecuritySetting.NodeToNodeDomain, "node-to-node domain name", ServiceNames.CiscoXcpRouter),
        new(SecuritySetting.UseDomainNameForXmppCertificateSubjectCommonName, UseDomainNameLabel901, ServiceNames.CiscoXcpRouter),
        new(SecuritySetting.SipProxyTlsContext, SipProxyTlsContextName, ServiceNames.CiscoSipProxy),
    ];

    public static SecuritySettingInfo Of(SecuritySetting setting) => All.First(i => i.Setting == setting);

    /// <summary>The settings a service loads when it starts.</summary>
    public static IEnumerable<SecuritySetting> LoadedBy(string service) =>
        All.Where(i => string.Equals(i.AppliedBy, service, StringComparison.OrdinalIgnoreCase)).Select(i => i.Setting);
}
