using ImpClusterSim.Domain.Intercluster;
using ImpClusterSim.Node.Runtime;

namespace ImpClusterSim.Node.Wire.Platform;

/// <summary>
/// Codecs of the Cisco Intercluster Sync Agent: its protocol with a peer cluster's publisher (AXL sync request and
/// answer, agent-restarted notice) and the state its publisher keeps on disk (peers, per-peer sync state with the
/// peer status the Inter-cluster Peer Status panel shows). Version 1 each.
/// </summary>
public static class InterclusterCodecs
{
    public static IReadOnlyList<IWireCodec> All { get; } =
    [
        new WireCodec<IcsaSyncRequest>("icsa-sync-request", 1,
            (w, m) => w.Long(m.SyncId).String(m.CallerNode).String(m.AxlUsername).String(m.AxlPassword),
            (r, _) => new IcsaSyncRequest(r.Long(), r.String(), r.String(), r.String())),
        new WireCodec<IcsaSyncResponse>("icsa-sync-response", 1,
            (w, m) => w.Long(m.SyncId).Enum(m.Reachability).Certificates(m.PresentedTomcatChain).Bool(m.Fips)
                .Certificates(m.TomcatTrust).Certificates(m.CupXmppTrust).Certificates(m.CupXmppCertificates),
            (r, _) => new IcsaSyncResponse(r.Long(), r.Enum<PeerReachability>(), r.Certificates(), r.Bool(), r.Certificates(), r.Certificates(), r.Certificates())),
        new WireCodec<IcsaAgentRestartedNotice>("icsa-agent-restarted", 1, (w, m) => w.String(m.FromNode), (r, _) => new IcsaAgentRestartedNotice(r.String())),
        new WireCodec<InterclusterPeer>("intercluster-peer", 1, Write, (r, _) => ReadPeer(r)),
        new WireCodec<InterclusterPeers>("intercluster-peers", 1, Write, (r, _) => ReadPeers(r)),
        new WireCodec<PeerStatus>("peer-status", 1, Write, (r, _) => ReadStatus(r)),
        new WireCodec<PeerResultEntry>("peer-result-entry", 1, Write, (r, _) => ReadResult(r)),
        new WireCodec<CertificateNotImported>("certificate-not-imported", 1, Write, (r, _) => ReadNotImported(r)),
        new WireCodec<PeerSyncState>("peer-sync-state", 1, Write, (r, _) => ReadState(r)),
        new WireCodec<IcsaTimings>("icsa-timings", 1, Write, (r, _) => ReadTimings(r)),
        new WireCodec<InterclusterSyncAgent>("intercluster-sync-agent", 1, Write, (r, _) => ReadAgent(r)),
    ];

    public static void Write(WireWriter w, InterclusterPeer p) => w.String(p.PeerAddress).String(p.AxlUsername).String(p.AxlPassword).Enum(p.Protocol);

    public static InterclusterPeer ReadPeer(WireReader r) => new(r.String(), r.String(), r.String(), r.Enum<PeerProtocol>());

    public static void Write(WireWriter w, InterclusterPeers p) => w.String(p.LocalPublisher).List(p.All.ToArray(), Write);

    public static InterclusterPeers ReadPeers(WireReader r) => InterclusterPeers.Restore(r.String(), r.List(ReadPeer));

    public static void Write(WireWriter w, PeerStatus s) => w.Enum(s.Kind).String(s.Text);

    public static PeerStatus ReadStatus(WireReader r) => new(r.Enum<PeerStatusKind>(), r.String());

    public static void Write(WireWriter w, PeerResultEntry e) => w.String(e.Name).Bool(e.Passed).String(e.Detail);

    public static PeerResultEntry ReadResult(WireReader r) => new(r.String(), r.Bool(), r.String());

    public static void Write(WireWriter w, CertificateNotImported n) => w.String(n.StoreName).Certificate(n.Certificate).String(n.Reason);

    public static CertificateNotImported ReadNotImported(WireReader r) => new(r.String(), r.Certificate(), r.String());

    public static void Write(WireWriter w, PeerSyncState s)
    {
        Write(w, s.Peer);
        Write(w, s.Status);
        w.Optional(s.KnownTomcatCertificate, (w2, c) => w2.Certificate(c))
            .OptionalInstant(s.LastSynchronized)
            .OptionalInstant(s.LastAttempt)
            .Instant(s.NextSyncDue)
            .OptionalInt(s.AssociatedUsers)
            .List(s.Results, Write)
            .Certificates(s.LastPresentedChain)
            .List(s.NotImported, Write);
    }

    public static PeerSyncState ReadState(WireReader r) => new(
        ReadPeer(r), ReadStatus(r), r.Optional(r2 => r2.Certificate()), r.OptionalInstant(), r.OptionalInstant(), r.Instant(),
        r.OptionalInt(), [.. r.List(ReadResult)], r.Certificates(), [.. r.List(ReadNotImported)]);

    public static void Write(WireWriter w, IcsaTimings t) => w.Duration(t.PeriodicInterval).Duration(t.RetryAfterFailure).Duration(t.PanelRefresh);

    public static IcsaTimings ReadTimings(WireReader r) => new(r.Duration(), r.Duration(), r.Duration());

    public static void Write(WireWriter w, InterclusterSyncAgent a)
    {
        w.String(a.LocalCluster);
        Write(w, a.Peers);
        w.List(a.States.Values.ToArray(), Write);
        Write(w, a.Timings);
    }

    /// <summary>Per-peer states are keyed by peer address, case-insensitively, as the agent keys them.</summary>
    public static InterclusterSyncAgent ReadAgent(WireReader r) => new(
        r.String(), ReadPeers(r),
        System.Collections.Immutable.ImmutableSortedDictionary.CreateRange(StringComparer.OrdinalIgnoreCase,
            r.List(ReadState).Select(s => KeyValuePair.Create(s.PeerAddress, s))),
        ReadTimings(r));
}
