using ImpClusterSim.Node.Ports;
using ImpClusterSim.Node.Skeleton;
using ImpClusterSim.Node.Wire.Platform;

namespace ImpClusterSim.Node.Wire;

/// <summary>
/// The codecs of the messages node services send each other and of the values they keep on disk. A message type that
/// crosses the network port must be listed here, or sending it between processes fails loudly (tested:
/// <c>NodeCodecsTests</c>, and the skeleton runs with <c>serialize-messages = on</c>).
/// Version 1 of each; bump a version (and read the old one) when a field is added.
/// </summary>
public static class NodeCodecs
{
    /// <summary>The network envelope and the skeleton services' messages and ledger.</summary>
    public static IReadOnlyList<IWireCodec> Skeleton { get; } =
    [
        new WireCodec<NetworkEnvelope>("network-envelope", 1,
            (w, m) => w.String(m.FromNode).String(m.FromService).String(m.ToService).Any(m.Payload),
            (r, _) => new NetworkEnvelope(r.String(), r.String(), r.String(), r.Any())),
        new WireCodec<ReplicationPing>("replication-ping", 1, (w, m) => w.Long(m.Sequence), (r, _) => new ReplicationPing(r.Long())),
        new WireCodec<ReplicationPong>("replication-pong", 1, (w, m) => w.Long(m.Sequence), (r, _) => new ReplicationPong(r.Long())),
        new WireCodec<PeerSyncRequest>("peer-sync-request", 1,
            (w, m) => w.String(m.FromCluster).Long(m.Sequence), (r, _) => new PeerSyncRequest(r.String(), r.Long())),
        new WireCodec<PeerSyncResponse>("peer-sync-response", 1,
            (w, m) => w.String(m.Cluster).Long(m.Sequence), (r, _) => new PeerSyncResponse(r.String(), r.Long())),
        new WireCodec<PresenceUpdate>("presence-update", 1,
            (w, m) => w.String(m.User).Long(m.Sequence), (r, _) => new PresenceUpdate(r.String(), r.Long())),
        new WireCodec<PeerSyncLedger>("peer-sync-ledger", 1,
            (w, m) => w.List(m.SuccessfulSyncs.OrderBy(p => p.Key, StringComparer.Ordinal).ToArray(), (w2, p) => w2.String(p.Key).Long(p.Value)),
            (r, _) => new PeerSyncLedger(new SortedDictionary<string, long>(
                r.List(r2 => (Key: r2.String(), Value: r2.Long())).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
                StringComparer.Ordinal))),
    ];

    /// <summary>Every codec of the node code (initialised after <see cref="Skeleton"/>: static fields initialise in order).</summary>
    public static IReadOnlyList<IWireCodec> All { get; } =
    [
        .. Skeleton,
        .. PkiCodecs.All,
        .. CertificateCodecs.All,
        .. ReplicationCodecs.All,
        .. SettingsCodecs.All,
        .. InterclusterCodecs.All,
        .. PlatformCodecs.All,
    ];

    public static CodecRegistry Registry { get; } = new(All);
}
