using System.Collections.Concurrent;
using ImpClusterSim.Pki;
using Org.BouncyCastle.Crypto;

namespace ImpClusterSim.Domain.Certificates;

/// <summary>
/// Adapter for what Pki does not expose: "did this certificate sign that one" (issuer name and signature), for the
/// guide's "specify which previously uploaded certificate signed it". Uses BouncyCastle on the DER bytes.
/// Verdicts are cached by the pair's SHA-256 fingerprints (a pure function of the two certificates), because parsing
/// an RSA public key validates its modulus, which costs milliseconds.
/// </summary>
internal static class SignatureCheck
{
    private static readonly ConcurrentDictionary<(string Child, string Signer), bool> Verdicts = new();
    private static readonly ConcurrentDictionary<string, AsymmetricKeyParameter> PublicKeys = new();

    public static bool IsSignedBy(Certificate child, Certificate signer)
    {
        if (!string.Equals(child.Issuer, signer.Subject, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        return Verdicts.GetOrAdd((child.Sha256Fingerprint, signer.Sha256Fingerprint), _ => Verifies(child, signer));
    }

    private static bool Verifies(Certificate child, Certificate signer)
    {
        try
        {
            var key = PublicKeys.GetOrAdd(signer.Sha256Fingerprint,
                _ => new Org.BouncyCastle.X509.X509Certificate(signer.GetDer()).GetPublicKey());
            new Org.BouncyCastle.X509.X509Certificate(child.GetDer()).Verify(key);
            return true;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return false;
        }
    }

    /// <summary>
    /// The certificates root first: each certificate after the one in the set that signed it (file order otherwise),
    /// so a chain file in any order uploads as root &gt; intermediate-1 &gt; ... &gt; leaf.
    /// </summary>
    public static IReadOnlyList<Certificate> RootFirst(IReadOnlyList<Certificate> certificates)
    {
        var remaining = certificates.Distinct().ToList();
        var ordered = new List<Certificate>();
        while (remaining.Count > 0)
        {
            var next = remaining.FirstOrDefault(c => c.IsSelfSigned
                || !remaining.Any(other => !other.Equals(c) && IsSignedBy(c, other))) ?? remaining[0];
            ordered.Add(next);
            remaining.Remove(next);
        }
        return ordered;
    }
}
