using ImpClusterSim.Domain.Settings;

namespace ImpClusterSim.Node.Wire.Platform;

/// <summary>Codecs of the cluster's saved security settings (replicated to subscribers, kept on disk). Version 1 each.</summary>
public static class SettingsCodecs
{
    public static IReadOnlyList<IWireCodec> All { get; } =
    [
        new WireCodec<SecuritySettings>("security-settings", 1, Write, (r, _) => ReadSettings(r)),
        new WireCodec<TlsPeerSubject>("tls-peer-subject", 1, (w, s) => w.String(s.Name).String(s.Description), (r, _) => new TlsPeerSubject(r.String(), r.String())),
    ];

    public static void Write(WireWriter w, SecuritySettings s) => w
        .Enum(s.SipIntraClusterTransport)
        .Bool(s.XmppClientToImpSecureMode)
        .Bool(s.XmppRouterToRouterSecureMode)
        .Bool(s.WebClientToImpSecureMode)
        .String(s.NodeToNodeDomain)
        .Bool(s.UseDomainNameForXmppCertificateSubjectCommonName)
        .List(s.TlsPeerSubjects, (w2, t) => w2.String(t.Name).String(t.Description))
        .Strings(s.SipProxyTlsContextSelected);

    public static SecuritySettings ReadSettings(WireReader r) => new(
        r.Enum<SipTransport>(), r.Bool(), r.Bool(), r.Bool(), r.String(), r.Bool(),
        [.. r.List(r2 => new TlsPeerSubject(r2.String(), r2.String()))], r.Strings());
}
