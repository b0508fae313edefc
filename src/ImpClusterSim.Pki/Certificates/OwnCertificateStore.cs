using System.Collections.Immutable;

namespace ImpClusterSim.Pki;

/// <summary>
/// A node's own certificates: per unit the current certificate and key, and a pending CSR if one was generated.
/// Immutable: every operation returns a new store.
/// </summary>
public sealed class OwnCertificateStore
{
    private OwnCertificateStore(ImmutableSortedDictionary<string, OwnCertificate> certificates,
        ImmutableSortedDictionary<string, PendingRequest> requests)
    {
        Certificates = certificates;
        PendingRequests = requests;
    }

    public static OwnCertificateStore Empty { get; } = new(
        ImmutableSortedDictionary.Create<string, OwnCertificate>(StringComparer.Ordinal),
        ImmutableSortedDictionary.Create<string, PendingRequest>(StringComparer.Ordinal));

    /// <summary>A store read back from its parts (the node's durable state): current certificates and pending CSRs by unit name.</summary>
    public static OwnCertificateStore Restore(IEnumerable<OwnCertificate> certificates, IEnumerable<PendingRequest> requests) => new(
        certificates.ToImmutableSortedDictionary(c => c.Unit.Name, c => c, StringComparer.Ordinal),
        requests.ToImmutableSortedDictionary(r => r.Unit.Name, r => r, StringComparer.Ordinal));

    /// <summary>Current certificates by unit name.</summary>
    public ImmutableSortedDictionary<string, OwnCertificate> Certificates { get; }

    /// <summary>CSRs waiting for a signed certificate, by unit name.</summary>
    public ImmutableSortedDictionary<string, PendingRequest> PendingRequests { get; }

    public OwnCertificate? Get(CertificateUnit unit) => Certificates.GetValueOrDefault(unit.Name);

    public OwnCertificateStore With(OwnCertificate certificate) =>
        new(Certificates.SetItem(certificate.Unit.Name, certificate), PendingRequests);

    /// <summary>
    /// Regenerates a unit's self-signed certificate with a new key of the same algorithm (or the one given). This
    /// overwrites a CA-signed certificate (domain facts §3.2.8) and discards a pending CSR of the unit, whose key
    /// no longer belongs to anything.
    /// </summary>
    public OwnCertificateStore Regenerate(CertificateUnit unit, NodeCertificateFactory factory, NodeIdentity node, DateTime at,
        KeyAlgorithm? algorithm = null)
    {
        var current = Get(unit);
        var generation = NextGeneration(unit);
        var keyAlgorithm = algorithm ?? current?.Key.Algorithm ?? KeyAlgorithm.Rsa2048;
        var certificate = factory.CreateSelfSigned(node, unit, at, generation, keyAlgorithm);
        return new OwnCertificateStore(Certificates.SetItem(unit.Name, certificate), PendingRequests.Remove(unit.Name));
    }

    /// <summary>Generates a CSR for a unit, overwriting an existing CSR of that unit (domain facts §3.2.9).</summary>
    public OwnCertificateStore GenerateRequest(CertificateUnit unit, NodeCertificateFactory factory, NodeIdentity node,
        KeyAlgorithm algorithm = KeyAlgorithm.Rsa2048, SignatureHash hash = SignatureHash.Sha256)
    {
        var request = factory.CreateRequest(node, unit, NextGeneration(unit), algorithm, hash);
        return new OwnCertificateStore(Certificates, PendingRequests.SetItem(unit.Name, request));
    }

    /// <summary>
    /// Installs a CA-signed certificate for a unit. It must carry the pending CSR's public key and exactly the CSR's
    /// SAN dNSNames (VOS: "CSR SAN and Certificate SAN does not match"), and no wildcard except for cup-xmpp-s2s
    /// (<see cref="WildcardUploadRule"/>). On success the CSR's key becomes the unit's key.
    /// </summary>
    public InstallResult InstallSigned(CertificateUnit unit, Certificate certificate)
    {
        if (!PendingRequests.TryGetValue(unit.Name, out var pending))
        {
            return new InstallResult(this, false, $"No CSR is pending for {unit.Name}: generate a CSR before uploading a CA-signed certificate.");
        }
        if (!certificate.HasPublicKeyOf(pending.Key))
        {
            return new InstallResult(this, false, $"The certificate does not match the CSR of {unit.Name}: its public key differs.");
        }
        if (WildcardUploadRule.Check(unit, certificate) is { } wildcard)
        {
            return new InstallResult(this, false, wildcard);
        }
        var requested = pending.Request.DnsNames.Select(n => n.ToLowerInvariant()).Order(StringComparer.Ordinal);
        var presented = certificate.DnsNames.Select(n => n.ToLowerInvariant()).Order(StringComparer.Ordinal);
        if (!requested.SequenceEqual(presented))
        {
            return new InstallResult(this, false, "CSR SAN and Certificate SAN does not match");
        }
        var installed = new OwnCertificate(unit, certificate, pending.Key, pending.Generation);
        var store = new OwnCertificateStore(Certificates.SetItem(unit.Name, installed), PendingRequests.Remove(unit.Name));
        return new InstallResult(store, true, $"Successfully imported certificate for {unit.Name}.");
    }

    private int NextGeneration(CertificateUnit unit) =>
        Math.Max(Get(unit)?.Generation ?? -1, PendingRequests.GetValueOrDefault(unit.Name)?.Generation ?? -1) + 1;
}
