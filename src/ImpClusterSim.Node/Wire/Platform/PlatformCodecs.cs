using ImpClusterSim.Domain.Banner;
using ImpClusterSim.Domain.Fips;
using ImpClusterSim.Node.Runtime;
using ImpClusterSim.Node.Services;

namespace ImpClusterSim.Node.Wire.Platform;

/// <summary>
/// Codecs of the rest of the platform: TLS handshakes between services of two nodes, the Cisco Sync Agent's user
/// sync with CUCM, a refused connection (<see cref="ServiceUnavailable"/>, carrying the request it refuses), and the
/// durable state (the node database's <see cref="NodeDatabaseState"/> and the Service Manager's
/// <see cref="NodeFipsState"/>) with their parts. Version 1 each.
/// </summary>
public static class PlatformCodecs
{
    public static IReadOnlyList<IWireCodec> All { get; } =
    [
        new WireCodec<TlsHello>("tls-hello", 1,
            (w, m) => w.Long(m.ConnectionId).String(m.HostName).Certificates(m.ClientChain).Bool(m.ClientFips),
            (r, _) => new TlsHello(r.Long(), r.String(), r.Certificates(), r.Bool())),
        new WireCodec<TlsServerHello>("tls-server-hello", 1,
            (w, m) => w.Long(m.ConnectionId).Certificates(m.ServerChain).Bool(m.ServerFips).Bool(m.ClientAccepted).Strings(m.Reasons),
            (r, _) => new TlsServerHello(r.Long(), r.Certificates(), r.Bool(), r.Bool(), r.Strings())),
        new WireCodec<UserSyncRequest>("user-sync-request", 1, (w, m) => w.Long(m.RequestId), (r, _) => new UserSyncRequest(r.Long())),
        new WireCodec<UserSyncResponse>("user-sync-response", 1, (w, m) => w.Long(m.RequestId).Int(m.Users), (r, _) => new UserSyncResponse(r.Long(), r.Int())),
        new WireCodec<ServiceUnavailable>("service-unavailable", 1, (w, m) => w.String(m.Service).Any(m.Request), (r, _) => new ServiceUnavailable(r.String(), r.Any())),
        new WireCodec<LoginBanner>("login-banner", 1, Write, (r, _) => ReadBanner(r)),
        new WireCodec<NodeBanner>("node-banner", 1, (w, b) => w.String(b.Node).Optional(b.Banner, Write), (r, _) => new NodeBanner(r.String(), r.Optional(ReadBanner))),
        new WireCodec<SipTrunkSecurityProfile>("sip-trunk-security-profile", 1, Write, (r, _) => ReadProfile(r)),
        new WireCodec<SipTrunk>("sip-trunk", 1, Write, (r, _) => ReadTrunk(r)),
        new WireCodec<CucmConfiguration>("cucm-configuration", 1, Write, (r, _) => ReadCucm(r)),
        new WireCodec<FipsNodeState>("fips-node-state", 1, Write, (r, _) => ReadFips(r)),
        new WireCodec<NodeFipsState>("node-fips-state", 1,
            (w, s) => { Write(w, s.Fips); w.Enum(s.InjectedSelfTestFault); },
            (r, _) => new NodeFipsState(ReadFips(r), r.Enum<SelfTestFault>())),
        new WireCodec<NodeDatabaseState>("node-database-state", 1, Write, (r, _) => ReadDatabase(r)),
    ];

    public static void Write(WireWriter w, LoginBanner b) => w.String(b.FileName).String(b.Text);

    public static LoginBanner ReadBanner(WireReader r) => new(r.String(), r.String());

    public static void Write(WireWriter w, SipTrunkSecurityProfile p) => w.String(p.Name).Bool(p.Tls).String(p.X509SubjectName);

    public static SipTrunkSecurityProfile ReadProfile(WireReader r) => new(r.String(), r.Bool(), r.String());

    public static void Write(WireWriter w, SipTrunk t) => w.String(t.Name).String(t.SecurityProfile).Strings(t.Destinations);

    public static SipTrunk ReadTrunk(WireReader r) => new(r.String(), r.String(), r.Strings());

    public static void Write(WireWriter w, CucmConfiguration c) => w.List(c.Profiles.Values.ToArray(), Write).List(c.Trunks.Values.ToArray(), Write);

    public static CucmConfiguration ReadCucm(WireReader r) => new(
        System.Collections.Immutable.ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, r.List(ReadProfile).Select(p => KeyValuePair.Create(p.Name, p))),
        System.Collections.Immutable.ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, r.List(ReadTrunk).Select(t => KeyValuePair.Create(t.Name, t))));

    public static void Write(WireWriter w, FipsNodeState s) => w.Enum(s.Mode).Enum(s.Run).Enum(s.Fault).Bool(s.RegenerationPending);

    public static FipsNodeState ReadFips(WireReader r) => new(r.Enum<FipsMode>(), r.Enum<NodeRunState>(), r.Enum<SelfTestFault>(), r.Bool());

    public static void Write(WireWriter w, NodeDatabaseState s)
    {
        w.String(s.Banner.Node).Optional(s.Banner.Banner, Write);
        CertificateCodecs.Write(w, s.Certificates);
        ReplicationCodecs.Write(w, s.Replica);
        w.Optional(s.TrustLog, ReplicationCodecs.Write);
        SettingsCodecs.Write(w, s.Settings);
        w.Long(s.SettingsVersion);
        Write(w, s.Cucm);
        w.Optional(s.Icsa, InterclusterCodecs.Write);
        w.Bool(s.UserSyncCompleted);
    }

    public static NodeDatabaseState ReadDatabase(WireReader r) => new(
        new NodeBanner(r.String(), r.Optional(ReadBanner)),
        CertificateCodecs.ReadNodeCertificates(r),
        ReplicationCodecs.ReadProgress(r),
        r.Optional(ReplicationCodecs.ReadLog),
        SettingsCodecs.ReadSettings(r),
        r.Long(),
        ReadCucm(r),
        r.Optional(InterclusterCodecs.ReadAgent),
        r.Bool());
}
