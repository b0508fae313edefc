namespace ImpClusterSim.Pki;

/// <summary>
/// The FIPS 140-2 rules a FIPS-mode node applies to certificates (domain facts §4.7): RSA keys of 2048 to 4096
/// bits, EC keys on P-256 or P-384 only, no DSA, and no MD5 or SHA-1 signatures. Used to refuse uploads and to
/// fail validation in FIPS mode.
/// </summary>
public static class FipsPolicy
{
    public const int MinimumRsaBits = 2048;
    public const int MaximumRsaBits = 4096;

    private static readonly Dictionary<string, string> ForbiddenSignatures = new(StringComparer.Ordinal)
    {
        ["1.2.840.113549.1.1.2"] = "MD2",
        ["1.2.840.113549.1.1.4"] = "MD5",
        ["1.2.840.113549.1.1.5"] = "SHA-1",
        ["1.3.14.3.2.29"] = "SHA-1",
        ["1.2.840.10045.4.1"] = "SHA-1",
        ["1.2.840.10040.4.3"] = "DSA",
        ["2.16.840.1.101.3.4.3.1"] = "DSA",
        ["2.16.840.1.101.3.4.3.2"] = "DSA",
        ["2.16.840.1.101.3.4.3.3"] = "DSA",
        ["2.16.840.1.101.3.4.3.4"] = "DSA",
    };

    /// <summary>Why the certificate is not allowed in FIPS mode; empty when it is.</summary>
    public static IReadOnlyList<string> Evaluate(Certificate certificate)
    {
        var reasons = new List<string>();
        var name = $"certificate '{certificate.Subject}'";
        var keyReason = KeyReason(certificate.KeyType, certificate.KeyBits, certificate.KeyDescription);
        if (keyReason is not null)
        {
            reasons.Add($"{name} {keyReason}");
        }
        if (ForbiddenSignatures.TryGetValue(certificate.SignatureAlgorithmOid, out var what))
        {
            reasons.Add($"{name} is signed with {certificate.SignatureAlgorithm}: {what} signatures are not allowed in FIPS mode");
        }
        return reasons;
    }

    /// <summary>Why a key/hash choice for a new certificate or CSR is not allowed in FIPS mode; empty when it is.</summary>
    public static IReadOnlyList<string> Evaluate(KeyAlgorithm algorithm, SignatureHash hash)
    {
        var reasons = new List<string>();
        if (algorithm == KeyAlgorithm.Rsa1024)
        {
            reasons.Add($"RSA-1024 keys are below the FIPS minimum of {MinimumRsaBits} bits");
        }
        if (hash == SignatureHash.Sha1)
        {
            reasons.Add("SHA-1 signatures are not allowed in FIPS mode");
        }
        return reasons;
    }

    public static bool Allows(Certificate certificate) => Evaluate(certificate).Count == 0;

    private static string? KeyReason(string keyType, int bits, string description) => keyType switch
    {
        "RSA" when bits < MinimumRsaBits => $"has an RSA key of {bits} bits, below the FIPS minimum of {MinimumRsaBits}",
        "RSA" when bits > MaximumRsaBits => $"has an RSA key of {bits} bits, above the FIPS maximum of {MaximumRsaBits}",
        "RSA" => null,
        "EC" when bits is 256 or 384 => null,
        "EC" => $"has an {description} key: only P-256 and P-384 are allowed in FIPS mode",
        "DSA" => "has a DSA key: DSA is not allowed in FIPS mode",
        _ => $"has a key of type {keyType}, which FIPS mode does not allow",
    };
}
