namespace ImpClusterSim.Domain.Settings;

/// <summary>
/// An administrator's change in Cisco Unified CM IM and Presence Administration &gt; System &gt; Security (Settings,
/// General Settings, TLS Peer Subjects, TLS Context Configuration). <see cref="Apply"/> checks the value and returns
/// the saved settings afterwards, or a refusal that changes nothing.
/// </summary>
public abstract record SettingsEdit
{
    public abstract SettingsEditResult Apply(SecuritySettings saved);

    protected static SettingsEditResult Saved(SecuritySettings next) => new(next, true, "Update successful");

    protected static SettingsEditResult Refused(SecuritySettings saved, string message) => new(saved, false, message);
}

/// <summary>The saved settings after an edit, whether it was accepted, and what the page said.</summary>
public sealed record SettingsEditResult(SecuritySettings Settings, bool Accepted, string Message);

/// <summary>Sets one of the security settings from its text value (TLS/TCP/UDP, on/off, a domain name).</summary>
public sealed record SetSecuritySetting(SecuritySetting Setting, string Value) : SettingsEdit
{
    public override SettingsEditResult Apply(SecuritySettings saved)
    {
        var v = Value.Trim();
        bool? onOff = v.ToLowerInvariant() switch
        {
            "on" or "true" or "yes" or "enabled" or "checked" => true,
            "off" or "false" or "no" or "disabled" or "unchecked" => false,
            _ => null,
        };
        return Setting switch
        {
            SecuritySetting.SipIntraClusterTransport => Enum.TryParse<SipTransport>(v, ignoreCase: true, out var t) && Enum.IsDefined(t)
                ? Saved(saved with { SipIntraClusterTransport = t })
                : Refused(saved, $"SIP Intra-cluster Proxy-to-Proxy Transport Protocol must be TLS, TCP or UDP, not '{Value}'"),
            SecuritySetting.XmppClientToImpSecureMode => onOff is { } a ? Saved(saved with { XmppClientToImpSecureMode = a }) : NotOnOff(saved),
            SecuritySetting.XmppRouterToRouterSecureMode => onOff is { } b ? Saved(saved with { XmppRouterToRouterSecureMode = b }) : NotOnOff(saved),
            SecuritySetting.WebClientToImpSecureMode => onOff is { } c ? Saved(saved with { WebClientToImpSecureMode = c }) : NotOnOff(saved),
            SecuritySetting.UseDomainNameForXmppCertificateSubjectCommonName => onOff is { } d
                ? Saved(saved with { UseDomainNameForXmppCertificateSubjectCommonName = d })
                : NotOnOff(saved),
            SecuritySetting.NodeToNodeDomain => IsDomainName(v)
                ? Saved(saved with { NodeToNodeDomain = v.ToLowerInvariant() })
                : Refused(saved, $"'{Value}' is not a valid domain name"),
            _ => Refused(saved, $"{Setting} is changed through the TLS Context Configuration page"),
        };

        SettingsEditResult NotOnOff(SecuritySettings s) => Refused(s, $"{SecuritySettingInfo.Of(Setting).Label} is on or off, not '{Value}'");
    }

    private static bool IsDomainName(string v) =>
        v.Length is > 0 and <= 253 && v.Contains('.') &&
        v.Split('.').All(l => l.Length is > 0 and <= 63 && l.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '-') && l[0] != '-' && l[^1] != '-');
}

/// <summary>System &gt; Security &gt; TLS Peer Subjects: Add New (subject CN of the certificate the peer presents).</summary>
public sealed record AddTlsPeerSubjectEdit(string Subject, string Description) : SettingsEdit
{
    public override SettingsEditResult Apply(SecuritySettings saved) => string.IsNullOrWhiteSpace(Subject)
        ? Refused(saved, "Peer Subject Name is required")
        : Saved(saved.AddTlsPeerSubject(Subject.Trim(), Description));
}

/// <summary>System &gt; Security &gt; TLS Peer Subjects: Delete.</summary>
public sealed record RemoveTlsPeerSubjectEdit(string Subject) : SettingsEdit
{
    public override SettingsEditResult Apply(SecuritySettings saved) => saved.TlsPeerSubjects.Any(s => s.Name == Subject)
        ? Saved(saved.RemoveTlsPeerSubject(Subject))
        : Refused(saved, $"No TLS peer subject '{Subject}' is configured");
}

/// <summary>
/// System &gt; Security &gt; TLS Context Configuration: Default_Cisco_UPS_SIP_Proxy_Peer_Auth_TLS_Context, move a peer
/// subject to (or from) Selected TLS Peer Subjects.
/// </summary>
public sealed record SelectTlsPeerSubjectEdit(string Subject, bool Selected = true) : SettingsEdit
{
    public const string Context = SecuritySettingInfo.SipProxyTlsContextName;

    public override SettingsEditResult Apply(SecuritySettings saved)
    {
        if (!saved.TlsPeerSubjects.Any(s => s.Name == Subject))
            return Refused(saved, $"No TLS peer subject '{Subject}' is configured: add it under TLS Peer Subjects first");
        return Saved(Selected ? saved.SelectTlsPeerSubject(Subject) : saved.DeselectTlsPeerSubject(Subject));
    }
}
