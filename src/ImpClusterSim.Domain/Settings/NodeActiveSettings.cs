using System.Collections.Immutable;
using ImpClusterSim.Domain.Services;

namespace ImpClusterSim.Domain.Settings;

/// <summary>
/// What the services of one node use: the saved settings each service loaded at its last start. A saved change is
/// pending on the node until the applying service (see <see cref="SecuritySettingInfo"/>) starts again.
/// </summary>
public sealed record NodeActiveSettings(string Node, ImmutableSortedDictionary<string, SecuritySettings> LoadedByService)
{
    public static NodeActiveSettings Empty(string node) => new(node, ImmutableSortedDictionary.Create<string, SecuritySettings>(StringComparer.Ordinal));

    /// <summary>A node whose <paramref name="startedServices"/> all loaded <paramref name="saved"/> (steady state at start-up).</summary>
    public static NodeActiveSettings LoadedAtStart(string node, SecuritySettings saved, IEnumerable<string> startedServices) =>
        startedServices.Aggregate(Empty(node), (s, service) => s.OnServiceStarted(service, saved).State);

    /// <summary>
    /// A service on this node reached Started: it loads the saved settings it applies. When the Cisco XCP Router
    /// starts and <paramref name="cupXmppS2s"/> (the node's current cup-xmpp-s2s certificate names) does not carry
    /// the node-to-node domain, a <see cref="DomainMismatchDetected"/> event reports it.
    /// </summary>
    public SettingsLoadResult OnServiceStarted(string service, SecuritySettings saved, XmppCertificateNames? cupXmppS2s = null)
    {
        var settings = SecuritySettingInfo.LoadedBy(service).ToList();
        if (settings.Count == 0) return new SettingsLoadResult(this, []);
        var canonical = SecuritySettingInfo.Of(settings[0]).AppliedBy;

        var events = ImmutableArray.CreateBuilder<SettingsEvent>();
        var before = LoadedBy(canonical);
        foreach (var setting in settings)
        {
            var value = saved.ValueText(setting);
            if (before is null || before.ValueText(setting) != value) events.Add(new SettingActivated(Node, setting, value));
        }

        if (canonical == ServiceNames.CiscoXcpRouter && cupXmppS2s is not null && !cupXmppS2s.Covers(saved.NodeToNodeDomain))
            events.Add(new DomainMismatchDetected(new NodeToNodeDomainMismatch(Node, saved.NodeToNodeDomain, cupXmppS2s)));

        return new SettingsLoadResult(this with { LoadedByService = LoadedByService.SetItem(canonical, saved) }, events.ToImmutable());
    }

    /// <summary>The saved settings <paramref name="service"/> loaded at its last start, or null if it has not started.</summary>
    public SecuritySettings? LoadedBy(string service) => LoadedByService.GetValueOrDefault(service);

    /// <summary>The value active on this node for a setting (text as <see cref="SecuritySettings.ValueText"/>), or null.</summary>
    public string? ActiveValue(SecuritySetting setting) => LoadedBy(SecuritySettingInfo.Of(setting).AppliedBy)?.ValueText(setting);

    public SipTransport? SipIntraClusterTransport => LoadedBy(ServiceNames.CiscoSipProxy)?.SipIntraClusterTransport;

    public bool? XmppClientToImpSecureMode => LoadedBy(ServiceNames.CiscoXcpConnectionManager)?.XmppClientToImpSecureMode;

    public bool? XmppRouterToRouterSecureMode => LoadedBy(ServiceNames.CiscoXcpRouter)?.XmppRouterToRouterSecureMode;

    public bool? WebClientToImpSecureMode => LoadedBy(ServiceNames.CiscoXcpWebConnectionManager)?.WebClientToImpSecureMode;

    public string? NodeToNodeDomain => LoadedBy(ServiceNames.CiscoXcpRouter)?.NodeToNodeDomain;

    /// <summary>The TLS peer subjects the Cisco SIP Proxy accepts (selected in the TLS context when it last started).</summary>
    public ImmutableArray<TlsPeerSubject> SipProxyPeerSubjects => LoadedBy(ServiceNames.CiscoSipProxy) is { } s
        ? [.. s.SipProxyTlsContextSelected.Select(n => s.TlsPeerSubjects.First(p => p.Name == n))]
        : [];

    /// <summary>The saved values not active on this node yet, in <see cref="SecuritySettingInfo.All"/> order.</summary>
    public ImmutableArray<PendingSetting> Pending(SecuritySettings saved) =>
    [
        .. SecuritySettingInfo.All
            .Select(i => new PendingSetting(i.Setting, i.Label, i.AppliedBy, saved.ValueText(i.Setting), ActiveValue(i.Setting)))
            .Where(p => p.SavedValue != p.ActiveValue),
    ];
}
