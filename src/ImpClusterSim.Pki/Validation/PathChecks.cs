using System.Globalization;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;

namespace ImpClusterSim.Pki;

/// <summary>
/// The checks on one complete path (leaf first, trust anchor last): RFC 5280 §6.1 basic certificate processing
/// (signatures, validity, name chaining, CA status, key usage, path length with self-issued certificates not counted,
/// unknown critical extensions), name constraints (<see cref="NameConstraintChecks"/>), certificate policies
/// (<see cref="PolicyChecks"/>), the trust-anchor checks chosen in <see cref="ValidationOptions.AnchorChecks"/>, the
/// purpose through the chain, weak keys, FIPS, the host name and, when asked, the §4 profile (<see cref="ProfileRules"/>).
/// </summary>
internal static class PathChecks
{
    private static readonly HashSet<string> UnderstoodExtensions = new(StringComparer.Ordinal)
    {
        "2.5.29.14", // subject key identifier
        "2.5.29.15", // key usage
        "2.5.29.17", // subject alternative name
        "2.5.29.19", // basic constraints
        "2.5.29.30", // name constraints (NameConstraintChecks)
        "2.5.29.32", // certificate policies (PolicyChecks)
        "2.5.29.33", // policy mappings (PolicyChecks)
        "2.5.29.35", // authority key identifier
        "2.5.29.36", // policy constraints (PolicyChecks)
        "2.5.29.37", // extended key usage
        "2.5.29.54", // inhibit anyPolicy (PolicyChecks)
    };

    private const string ServerAuth = "1.3.6.1.5.5.7.3.1";
    private const string ClientAuth = "1.3.6.1.5.5.7.3.2";
    private const string AnyExtendedKeyUsage = "2.5.29.37.0";

    private static readonly HashSet<string> BrokenSignatures = new(StringComparer.Ordinal)
    {
        "1.2.840.113549.1.1.2", // md2WithRSAEncryption
        "1.2.840.113549.1.1.4", // md5WithRSAEncryption
    };

    public static IReadOnlyList<ValidationFailure> Check(IReadOnlyList<Certificate> leafFirst, ValidationOptions options)
    {
        var reasons = new List<ValidationFailure>();
        var path = leafFirst.Reverse().ToArray(); // anchor first
        var n = path.Length - 1;
        var keys = EffectiveKeys(path);
        var anchorChecks = n == 0 ? TrustAnchorChecks.OpenSsl : options.AnchorChecks;
        var purpose = options.EffectivePurpose;
        for (var k = 0; k <= n; k++)
        {
            var certificate = path[k];
            if (k > 0 || anchorChecks.HasFlag(TrustAnchorChecks.Validity))
            {
                Validity(certificate, options.At, reasons);
            }
            CriticalExtensions(certificate, reasons);
            if (options.StrictProfile)
            {
                reasons.AddRange(ProfileRules.Check(certificate, isTrustAnchor: k == 0 && n > 0).Select(r => new ValidationFailure(ValidationFailureKind.Profile, r)));
            }
            KeyStrength(certificate, options, reasons);
            if (k > 0)
            {
                var issuer = path[k - 1];
                if (!DistinguishedNames.AreEqual(certificate.Bc.IssuerDN, issuer.Bc.SubjectDN))
                {
                    reasons.Add(new ValidationFailure(ValidationFailureKind.NameChaining, $"the issuer name of '{certificate.Subject}' does not match the subject of '{issuer.Subject}'"));
                }
                if (keys[k - 1] is null)
                {
                    reasons.Add(new ValidationFailure(ValidationFailureKind.Signature, $"the public key of '{issuer.Subject}' cannot be read ({issuer.KeyDescription}), so the signature of '{certificate.Subject}' cannot be checked"));
                }
                else if (!certificate.SignatureVerifiesWith(keys[k - 1]))
                {
                    reasons.Add(new ValidationFailure(ValidationFailureKind.Signature, $"the signature of '{certificate.Subject}' does not verify with the key of '{issuer.Subject}'"));
                }
                if (BrokenSignatures.Contains(certificate.SignatureAlgorithmOid))
                {
                    reasons.Add(new ValidationFailure(ValidationFailureKind.WeakAlgorithm, $"certificate '{certificate.Subject}' is signed with {certificate.SignatureAlgorithm}, which is not accepted"));
                }
            }
            if (k < n)
            {
                Signer(path, k, n, anchorChecks, reasons);
                if (k > 0 && purpose != CertificatePurpose.Any)
                {
                    CaPurpose(certificate, purpose, reasons);
                }
            }
            if (options.Fips)
            {
                reasons.AddRange(FipsPolicy.Evaluate(certificate).Select(r => new ValidationFailure(ValidationFailureKind.Fips, r)));
            }
        }
        var leaf = path[n];
        if (purpose != CertificatePurpose.Any)
        {
            LeafPurpose(leaf, purpose, reasons);
        }
        if (options.HostName is { } host && HostNameMatcher.Check(leaf, host) is { } mismatch)
        {
            reasons.Add(new ValidationFailure(ValidationFailureKind.NameMismatch, mismatch));
        }
        if (n > 0 && NameConstraintChecks.Apply(path))
        {
            NameConstraintChecks.Check(path, anchorChecks.HasFlag(TrustAnchorChecks.NameConstraints), reasons);
        }
        if (reasons.Count == 0 && PolicyChecks.Apply(path, options))
        {
            PolicyChecks.Check(path, options, reasons);
        }
        return reasons;
    }

    private static void Validity(Certificate certificate, DateTime at, List<ValidationFailure> reasons)
    {
        // Certificate times have whole seconds; compare at that precision, as OpenSSL does (not to the millisecond).
        var time = DateTime.SpecifyKind(at, DateTimeKind.Utc);
        time = time.AddTicks(-(time.Ticks % TimeSpan.TicksPerSecond));
        if (time < certificate.NotBefore)
        {
            reasons.Add(new ValidationFailure(ValidationFailureKind.NotYetValid, $"certificate '{certificate.Subject}' is not valid until {Format(certificate.NotBefore)}"));
        }
        else if (time > certificate.NotAfter)
        {
            reasons.Add(new ValidationFailure(ValidationFailureKind.Expired, $"certificate '{certificate.Subject}' expired on {Format(certificate.NotAfter)}"));
        }
    }

    private static void CriticalExtensions(Certificate certificate, List<ValidationFailure> reasons)
    {
        foreach (var oid in certificate.CriticalExtensionOids)
        {
            if (UnderstoodExtensions.Contains(oid)) continue;
            var name = ExtensionReader.ExtensionName(oid);
            reasons.Add(new ValidationFailure(ValidationFailureKind.CriticalExtension, $"certificate '{certificate.Subject}' has an unsupported critical extension {(name == oid ? oid : $"{name} ({oid})")}"));
        }
    }

    private static void KeyStrength(Certificate certificate, ValidationOptions options, List<ValidationFailure> reasons)
    {
        if (certificate.KeyType == "RSA" && certificate.KeyBits < options.MinimumRsaBits)
        {
            reasons.Add(new ValidationFailure(ValidationFailureKind.WeakAlgorithm, string.Create(CultureInfo.InvariantCulture,
                $"certificate '{certificate.Subject}' has a weak RSA key of {certificate.KeyBits} bits (minimum {options.MinimumRsaBits})")));
        }
    }

    /// <summary>Checks on a certificate that signs the next one: CA status, keyCertSign, path length.</summary>
    private static void Signer(Certificate[] path, int k, int n, TrustAnchorChecks anchorChecks, List<ValidationFailure> reasons)
    {
        var certificate = path[k];
        var child = path[k + 1];
        var isVersion1Anchor = k == 0 && certificate.Version < 3 && certificate.IsSelfIssued;
        var basicConstraints = k > 0 || anchorChecks.HasFlag(TrustAnchorChecks.BasicConstraints);
        if (basicConstraints && !certificate.IsCertificateAuthority && !isVersion1Anchor)
        {
            reasons.Add(new ValidationFailure(ValidationFailureKind.NotACertificateAuthority, $"certificate '{certificate.Subject}' is not a CA (basic constraints cA is false or absent) but signs '{child.Subject}'"));
        }
        if ((k > 0 || anchorChecks.HasFlag(TrustAnchorChecks.KeyUsage)) && certificate.Bc.GetKeyUsage() is { } usage && !usage[5])
        {
            reasons.Add(new ValidationFailure(ValidationFailureKind.NotACertificateAuthority, $"certificate '{certificate.Subject}' may not sign certificates (its key usage lacks Certificate Sign)"));
        }
        if (basicConstraints && certificate.PathLengthConstraint is { } limit)
        {
            var following = 0;
            for (var j = k + 1; j < n; j++)
            {
                if (!path[j].IsSelfIssued)
                {
                    following++;
                }
            }
            if (following > limit)
            {
                reasons.Add(new ValidationFailure(ValidationFailureKind.PathLength, string.Create(CultureInfo.InvariantCulture,
                    $"the path length constraint of '{certificate.Subject}' ({limit}) is exceeded: {following} CA certificates follow it")));
            }
        }
    }

    /// <summary>The leaf's EKU (when present) must allow the purpose, and its key usage (when present) must allow TLS (RFC 5280 §4.2.1.12, §4.2.1.3).</summary>
    private static void LeafPurpose(Certificate leaf, CertificatePurpose purpose, List<ValidationFailure> reasons)
    {
        var (oid, words) = Purpose(purpose);
        var eku = ExtendedKeyUsages(leaf);
        if (eku.Count > 0 && !eku.Contains(oid) && !eku.Contains(AnyExtendedKeyUsage))
        {
            reasons.Add(new ValidationFailure(ValidationFailureKind.ServerUsage, $"certificate '{leaf.Subject}' is not for TLS {words}s (its extended key usage lacks TLS Web {char.ToUpperInvariant(words[0])}{words[1..]} Authentication)"));
        }
        if (leaf.Bc.GetKeyUsage() is { } usage && !usage[0] && !usage[2] && !usage[4])
        {
            reasons.Add(new ValidationFailure(ValidationFailureKind.ServerUsage, $"certificate '{leaf.Subject}' has a key usage that does not allow TLS (no Digital Signature, Key Encipherment or Key Agreement)"));
        }
    }

    /// <summary>An intermediate CA whose EKU is present restricts what it certifies: it must allow the purpose too (as OpenSSL).</summary>
    private static void CaPurpose(Certificate ca, CertificatePurpose purpose, List<ValidationFailure> reasons)
    {
        var (oid, words) = Purpose(purpose);
        var eku = ExtendedKeyUsages(ca);
        if (eku.Count > 0 && !eku.Contains(oid) && !eku.Contains(AnyExtendedKeyUsage))
        {
            reasons.Add(new ValidationFailure(ValidationFailureKind.ServerUsage, $"CA certificate '{ca.Subject}' restricts its extended key usage to {string.Join(", ", eku.Select(ExtensionReader.ExtendedKeyUsageName))}, so the certificates below it are not for TLS {words}s"));
        }
    }

    private static IReadOnlyList<string> ExtendedKeyUsages(Certificate certificate) =>
        certificate.ExtendedKeyUsageOids;

    private static (string Oid, string Words) Purpose(CertificatePurpose purpose) =>
        purpose == CertificatePurpose.Client ? (ClientAuth, "client") : (ServerAuth, "server");

    /// <summary>Public keys along the path; a DSA key without parameters inherits its issuer's (RFC 5280 §6.1.4 (f)).</summary>
    private static AsymmetricKeyParameter?[] EffectiveKeys(Certificate[] path)
    {
        var keys = new AsymmetricKeyParameter?[path.Length];
        for (var i = 0; i < path.Length; i++)
        {
            var key = path[i].PublicKey;
            if (i > 0 && key is DsaPublicKeyParameters { Parameters: null } dsa && keys[i - 1] is DsaPublicKeyParameters { Parameters: { } inherited })
            {
                key = new DsaPublicKeyParameters(dsa.Y, inherited);
            }
            keys[i] = key;
        }
        return keys;
    }

    internal static string Format(DateTime time) => time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
