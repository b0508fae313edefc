using System.Collections.Immutable;
using ImpClusterSim.Pki;

namespace ImpClusterSim.Domain.Certificates;

/// <summary>Own certificate operations: CA-signed upload, CSR, regeneration, download, FIPS regeneration.</summary>
public sealed partial record NodeCertificates
{
    /// <summary>
    /// Uploads a CA-signed certificate for a unit. Its chain must validate against the unit's trust store at
    /// <paramref name="at"/> (intermediates from that store), it must match the unit's pending CSR, and FIPS policy
    /// applies on a FIPS node. The file may also hold CA certificates; only the end-entity certificate is installed.
    /// </summary>
    public CertificateResult UploadSigned(string unitName, string pem, DateTime at)
    {
        var unit = FindUnit(unitName);
        if (unit is null)
        {
            return UnknownUnit(unitName);
        }
        IReadOnlyList<Certificate> certificates;
        try
        {
            certificates = CertificateReader.ReadPem(pem, "upload");
        }
        catch (PkiFormatException e)
        {
            return CertificateResult.Refused(this, e.Message);
        }
        var leaf = certificates.FirstOrDefault(c => !c.IsCertificateAuthority);
        if (leaf is null)
        {
            return CertificateResult.Refused(this, CertificateTexts.NoLeaf(unit.Name));
        }
        if (Fips && FipsPolicy.Evaluate(leaf) is { Count: > 0 } fipsReasons)
        {
            return CertificateResult.Refused(this, CertificateTexts.FipsRefused(leaf.SubjectCommonName, string.Join("; ", fipsReasons)));
        }
        var store = TrustStores[unit.TrustStoreName];
        var validation = ChainValidator.Validate(leaf, [], store, Tls.ImpValidators.JavaPkix(at) with { Fips = Fips, RequireServerAuth = true });
        if (!validation.IsValid)
        {
            return CertificateResult.Refused(this, CertificateTexts.ChainNotTrusted(leaf.SubjectCommonName, store.Name, string.Join("; ", validation.Reasons)));
        }
        var install = Own.InstallSigned(unit, leaf);
        if (!install.Installed)
        {
            return CertificateResult.Refused(this, install.Message);
        }
        var state = this with { Own = install.Store };
        return new CertificateResult(state, true, install.Message, [OwnChanged(state, unit)]);
    }

    /// <summary>Generates a CSR for a unit (overwriting its previous CSR). The own certificate does not change.</summary>
    public CertificateResult GenerateRequest(string unitName, KeyAlgorithm? algorithm = null, SignatureHash hash = SignatureHash.Sha256)
    {
        var unit = FindUnit(unitName);
        if (unit is null)
        {
            return UnknownUnit(unitName);
        }
        var keyAlgorithm = algorithm ?? Own.Get(unit)?.Key.Algorithm ?? KeyAlgorithm.Rsa2048;
        if (Fips && FipsPolicy.Evaluate(keyAlgorithm, hash) is { Count: > 0 } reasons)
        {
            return CertificateResult.Refused(this, $"CSR generation refused in FIPS mode: {string.Join("; ", reasons)}.");
        }
        var state = this with { Own = Own.GenerateRequest(unit, Factory, Identity, keyAlgorithm, hash) };
        return new CertificateResult(state, true, CertificateTexts.CsrGenerated(unit.Name), []);
    }

    /// <summary>Regenerates a unit's self-signed certificate, overwriting a CA-signed one and discarding its CSR.</summary>
    public CertificateResult Regenerate(string unitName, DateTime at)
    {
        var unit = FindUnit(unitName);
        if (unit is null)
        {
            return UnknownUnit(unitName);
        }
        var current = Own.Get(unit)?.Key.Algorithm;
        var algorithm = Fips && current is KeyAlgorithm.Rsa1024 ? KeyAlgorithm.Rsa2048 : current;
        var state = this with { Own = Own.Regenerate(unit, Factory, Identity, at, algorithm) };
        return new CertificateResult(state, true, CertificateTexts.Regenerated(unit.Name), [OwnChanged(state, unit)])
        {
            Warning = CertificateTexts.RegenerationWarning(unit.Name),
        };
    }

    /// <summary>The PEM text of an own certificate, a pending CSR or a trust certificate.</summary>
    public CertificateResult Download(string file)
    {
        var path = file.Trim();
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0 && TrustStoreNames.Resolve(path[..slash], Kind) is { } storeName)
        {
            var entry = FindTrust(TrustStores[storeName], path[(slash + 1)..]);
            return entry is null
                ? CertificateResult.Refused(this, CertificateTexts.FileNotFound(file))
                : new CertificateResult(this, true, entry.Certificate.ToPem(), []);
        }
        var fileName = slash >= 0 ? path[(slash + 1)..] : path;
        var dot = fileName.LastIndexOf('.');
        var unit = dot > 0 ? FindUnit(fileName[..dot]) : null;
        var extension = dot > 0 ? fileName[(dot + 1)..].ToLowerInvariant() : "";
        if (unit is not null && extension == "pem" && Own.Get(unit) is { } own)
        {
            return new CertificateResult(this, true, own.Certificate.ToPem(), []);
        }
        if (unit is not null && extension == "csr" && Own.PendingRequests.TryGetValue(unit.Name, out var request))
        {
            return new CertificateResult(this, true, request.Request.ToPem(), []);
        }
        return CertificateResult.Refused(this, CertificateTexts.FileNotFound(file));
    }

    /// <summary>Sets the FIPS mode and regenerates every own certificate self-signed with RSA 2048 and SHA-256.</summary>
    public CertificateResult ChangeFipsMode(bool enabled, DateTime at)
    {
        var own = Units.Aggregate(Own, (store, unit) => store.Regenerate(unit, Factory, Identity, at, KeyAlgorithm.Rsa2048));
        var state = this with { Fips = enabled, Own = own };
        return new CertificateResult(state, true, CertificateTexts.FipsRegenerated(enabled, Units.Select(u => u.Name)),
            [.. Units.Select(u => OwnChanged(state, u))]);
    }
}
