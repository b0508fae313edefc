using ImpClusterSim.Pki;

namespace ImpClusterSim.Node.Wire.Platform;

/// <summary>
/// Codecs of the PKI values nodes exchange and keep: certificates (DER), trust store entries and stores, own
/// certificates with their keys (PKCS#8) and pending CSRs (PKCS#10 DER). Version 1 each.
/// </summary>
public static class PkiCodecs
{
    public static IReadOnlyList<IWireCodec> All { get; } =
    [
        new WireCodec<Certificate>("certificate", 1, (w, c) => w.Certificate(c), (r, _) => r.Certificate()),
        new WireCodec<TrustEntry>("trust-entry", 1, Write, (r, _) => ReadEntry(r)),
        new WireCodec<TrustStore>("trust-store", 1, Write, (r, _) => ReadStore(r)),
        new WireCodec<OwnCertificate>("own-certificate", 1, Write, (r, _) => ReadOwn(r)),
        new WireCodec<PendingRequest>("pending-request", 1, Write, (r, _) => ReadPending(r)),
        new WireCodec<OwnCertificateStore>("own-certificate-store", 1, Write, (r, _) => ReadOwnStore(r)),
    ];

    public static void Write(WireWriter w, TrustEntry e) => w.String(e.FileName).Certificate(e.Certificate);

    public static TrustEntry ReadEntry(WireReader r) => new(r.String(), r.Certificate());

    public static void Write(WireWriter w, TrustStore s) => w.String(s.Name).List(s.Entries.ToArray(), Write);

    public static TrustStore ReadStore(WireReader r) => TrustStore.Restore(r.String(), r.List(ReadEntry));

    public static void Write(WireWriter w, OwnCertificate c) => w.Unit(c.Unit).Certificate(c.Certificate).KeyPair(c.Key).Int(c.Generation);

    public static OwnCertificate ReadOwn(WireReader r) => new(r.Unit(), r.Certificate(), r.KeyPair(), r.Int());

    public static void Write(WireWriter w, PendingRequest p) => w.Unit(p.Unit).Bytes(p.Request.GetDer()).KeyPair(p.Key).Int(p.Generation);

    public static PendingRequest ReadPending(WireReader r)
    {
        var unit = r.Unit();
        var der = r.Bytes();
        CertificateRequest request;
        try
        {
            request = CertificateRequestReader.Read(der, "CSR on the wire");
        }
        catch (PkiFormatException e)
        {
            throw new WireFormatException(e.Message);
        }
        return new PendingRequest(unit, request, r.KeyPair(), r.Int());
    }

    public static void Write(WireWriter w, OwnCertificateStore s) =>
        w.List(s.Certificates.Values.ToArray(), Write).List(s.PendingRequests.Values.ToArray(), Write);

    public static OwnCertificateStore ReadOwnStore(WireReader r) => OwnCertificateStore.Restore(r.List(ReadOwn), r.List(ReadPending));

    /// <summary>The factory's seed and key pool mode (the shared pool when pooled).</summary>
    public static void Write(WireWriter w, NodeCertificateFactory f) => w.String(f.Seed).Enum(f.KeyPool.Mode);

    public static NodeCertificateFactory ReadFactory(WireReader r)
    {
        var seed = r.String();
        var mode = r.Enum<KeyPoolMode>();
        return new NodeCertificateFactory(seed, mode == KeyPool.Shared.Mode ? KeyPool.Shared : new KeyPool(mode));
    }
}
