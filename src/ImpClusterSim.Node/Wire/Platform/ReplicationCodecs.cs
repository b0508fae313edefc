using ImpClusterSim.Domain.Certificates;
using ImpClusterSim.Domain.Replication;
using ImpClusterSim.Node.Runtime;

namespace ImpClusterSim.Node.Wire.Platform;

/// <summary>
/// Codecs of intracluster database replication ("A Cisco DB Replicator": <see cref="Replication"/>): the messages
/// between a cluster's publisher and subscribers, and the replication state each keeps on disk (its progress, the
/// publisher's cluster trust log). Version 1 each.
/// </summary>
public static class ReplicationCodecs
{
    public static IReadOnlyList<IWireCodec> All { get; } =
    [
        new WireCodec<TrustChangeRequest>("trust-change-request", 1, Write, (r, _) => ReadRequest(r)),
        new WireCodec<TrustChange>("trust-change", 1, Write, (r, _) => ReadChange(r)),
        new WireCodec<ReplicaProgress>("replica-progress", 1, Write, (r, _) => ReadProgress(r)),
        new WireCodec<ClusterTrustLog>("cluster-trust-log", 1, Write, (r, _) => ReadLog(r)),
        new WireCodec<ForwardTrustChanges>("forward-trust-changes", 1, (w, m) => w.List(m.Requests, Write), (r, _) => new ForwardTrustChanges([.. r.List(ReadRequest)])),
        new WireCodec<TrustChangesAcknowledged>("trust-changes-acknowledged", 1, (w, m) => w.Long(m.UpTo), (r, _) => new TrustChangesAcknowledged(r.Long())),
        new WireCodec<PullTrustChanges>("pull-trust-changes", 1, (w, m) => w.Long(m.After), (r, _) => new PullTrustChanges(r.Long())),
        new WireCodec<TrustChanges>("trust-changes", 1,
            (w, m) => w.List(m.Changes, Write).Long(m.PublisherLastSequence),
            (r, _) => new TrustChanges([.. r.List(ReadChange)], r.Long())),
        new WireCodec<ReplicaUpdate>("replica-update", 1,
            (w, m) =>
            {
                w.Any(m.Trust).Any(m.Settings).Bool(m.Cluster is not null);
                if (m.Cluster is { } cluster) w.Any(cluster);
            },
            (r, _) => new ReplicaUpdate(
                r.Any() as TrustChanges ?? throw new WireFormatException("replica-update: the trust part is not trust-changes"),
                r.Any() as SettingsReplica ?? throw new WireFormatException("replica-update: the settings part is not settings-replica"),
                r.Bool() ? r.Any() as ClusterReplicationView ?? throw new WireFormatException("replica-update: the view is not cluster-replication-view") : null)),
        new WireCodec<ReplicationAck>("replication-ack", 1, (w, m) => w.Long(m.LastApplied).Bool(m.Fips), (r, _) => new ReplicationAck(r.Long(), r.Bool())),
        new WireCodec<SettingsReplica>("settings-replica", 1,
            (w, m) => { w.Long(m.Version); SettingsCodecs.Write(w, m.Settings); },
            (r, _) => new SettingsReplica(r.Long(), SettingsCodecs.ReadSettings(r))),
        new WireCodec<ClusterReplicationView>("cluster-replication-view", 1,
            (w, m) => w.List(m.Nodes, Write),
            (r, _) => new ClusterReplicationView([.. r.List(ReadView)])),
        new WireCodec<ReplicaView>("replica-view", 1, Write, (r, _) => ReadView(r)),
        new WireCodec<CertificateChangeQuery>("certificate-change-query", 1, (_, _) => { }, (_, _) => CertificateChangeQuery.Instance),
        new WireCodec<CertificateChangeCopyBack>("certificate-change-copy-back", 1,
            (w, m) => w.List(m.Certificates, CertificateCodecs.Write),
            (r, _) => new CertificateChangeCopyBack([.. r.List(CertificateCodecs.ReadTrustCertificate)])),
    ];

    public static void Write(WireWriter w, ReplicaView v) => w.String(v.Node).Bool(v.Connected).Long(v.LastApplied);

    public static ReplicaView ReadView(WireReader r) => new(r.String(), r.Bool(), r.Long());

    /// <summary>The change travels as a nested value: one of the certificate events, by its manifest.</summary>
    public static void Write(WireWriter w, TrustChangeRequest q) => w.String(q.OriginNode).Long(q.OriginSequence).Any(q.Change);

    public static TrustChangeRequest ReadRequest(WireReader r)
    {
        var origin = r.String();
        var sequence = r.Long();
        return r.Any() is CertificateEvent change
            ? new TrustChangeRequest(origin, sequence, change)
            : throw new WireFormatException("trust-change-request: the change is not a certificate event");
    }

    public static void Write(WireWriter w, TrustChange c)
    {
        w.Long(c.Sequence);
        Write(w, c.Request);
    }

    public static TrustChange ReadChange(WireReader r) => new(r.Long(), ReadRequest(r));

    public static void Write(WireWriter w, ReplicaProgress p) =>
        w.String(p.NodeName).Long(p.LastAppliedSequence).Long(p.LastLocalSequence).List(p.Outbox, Write);

    public static ReplicaProgress ReadProgress(WireReader r) => ReplicaProgress.Restore(r.String(), r.Long(), r.Long(), r.List(ReadRequest));

    public static void Write(WireWriter w, ClusterTrustLog l) =>
        w.String(l.Cluster).String(l.PublisherNode).List(l.Changes, Write).List(l.RecordedFromOrigin.ToArray(), (w2, p) => w2.String(p.Key).Long(p.Value));

    public static ClusterTrustLog ReadLog(WireReader r) =>
        ClusterTrustLog.Restore(r.String(), r.String(), r.List(ReadChange), r.List(r2 => KeyValuePair.Create(r2.String(), r2.Long())));
}
