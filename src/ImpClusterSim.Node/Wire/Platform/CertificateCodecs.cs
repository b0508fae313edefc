using ImpClusterSim.Domain.Certificates;
using ImpClusterSim.Domain.Topology;

namespace ImpClusterSim.Node.Wire.Platform;

/// <summary>
/// Codecs of Certificate Management's values: a node's certificates (<see cref="NodeCertificates"/>: own
/// certificates, pending CSRs, trust stores, descriptions, FIPS mode, the key factory's seed), trust certificates and
/// the certificate events the cluster database replicates. Version 1 each.
/// </summary>
public static class CertificateCodecs
{
    public static IReadOnlyList<IWireCodec> All { get; } =
    [
        new WireCodec<TrustCertificate>("trust-certificate", 1, Write, (r, _) => ReadTrustCertificate(r)),
        new WireCodec<TrustCertificateAdded>("trust-certificate-added", 1,
            (w, e) => { w.String(e.Store); Write(w, e.Entry); w.Strings(e.ServicesToRestart); },
            (r, _) => new TrustCertificateAdded(r.String(), ReadTrustCertificate(r), r.Strings())),
        new WireCodec<TrustCertificateRemoved>("trust-certificate-removed", 1,
            (w, e) => w.String(e.Store).String(e.FileName).Strings(e.ServicesToRestart),
            (r, _) => new TrustCertificateRemoved(r.String(), r.String(), r.Strings())),
        new WireCodec<TrustCertificateDeletedOnNode>("trust-certificate-deleted-on-node", 1,
            (w, e) => w.String(e.Store).String(e.FileName).String(e.Node).Strings(e.ServicesToRestart),
            (r, _) => new TrustCertificateDeletedOnNode(r.String(), r.String(), r.String(), r.Strings())),
        new WireCodec<OwnCertificateChanged>("own-certificate-changed", 1,
            (w, e) => w.Unit(e.Unit).Certificate(e.Certificate).Strings(e.ServicesToRestart),
            (r, _) => new OwnCertificateChanged(r.Unit(), r.Certificate(), r.Strings())),
        new WireCodec<NodeCertificates>("node-certificates", 1, Write, (r, _) => ReadNodeCertificates(r)),
    ];

    public static void Write(WireWriter w, TrustCertificate t) => w.String(t.Store).String(t.FileName).Certificate(t.Certificate).String(t.Description);

    public static TrustCertificate ReadTrustCertificate(WireReader r) => new(r.String(), r.String(), r.Certificate(), r.String());

    public static void Write(WireWriter w, NodeCertificates c)
    {
        w.String(c.NodeName).Enum(c.Kind).Bool(c.HasTftp).Identity(c.Identity);
        PkiCodecs.Write(w, c.Factory);
        w.Bool(c.Fips);
        PkiCodecs.Write(w, c.Own);
        w.List(c.TrustStores.Values.ToArray(), PkiCodecs.Write);
        w.List(c.Descriptions.ToArray(), (w2, d) => w2.String(d.Key).String(d.Value));
    }

    public static NodeCertificates ReadNodeCertificates(WireReader r) => NodeCertificates.Restore(
        r.String(), r.Enum<NodeKind>(), r.Bool(), r.Identity(), PkiCodecs.ReadFactory(r), r.Bool(), PkiCodecs.ReadOwnStore(r),
        r.List(PkiCodecs.ReadStore), r.List(r2 => KeyValuePair.Create(r2.String(), r2.String())));
}
