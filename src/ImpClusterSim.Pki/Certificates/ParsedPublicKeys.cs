using System.Collections.Concurrent;
using System.Security.Cryptography;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.X509;

namespace ImpClusterSim.Pki;

/// <summary>
/// Public keys this process already holds, by the SHA-256 of their SubjectPublicKeyInfo DER (lower-case hex, as
/// <see cref="KeyPair.PublicKeyFingerprint"/>). BouncyCastle runs its Miller-Rabin tests on every RSA modulus it parses
/// from a certificate (~24 ms for RSA-2048), and chaos runs, campaigns and shrinking parse the certificates of the key
/// pool's keys (CA-signed leaves issued for a node's CSR key) again in every run: that was a third to a half of a chaos
/// run's CPU. The keys of this library's <see cref="KeyPool"/> are known here from the moment a <see cref="KeyPair"/>
/// is made (nothing to test: this library made them), and a key parsed from outside once (its tests passed) is kept.
/// The same bytes are the same immutable <see cref="AsymmetricKeyParameter"/>, so what a run computes does not depend
/// on this cache; a key that fails to parse is not kept (it fails again, the same way). Bounded: once
/// <see cref="Capacity"/> keys are kept, further ones are parsed each time. Thread-safe (parallel runs share it).
/// </summary>
internal static class ParsedPublicKeys
{
    /// <summary>The most keys kept (a few hundred kilobytes of moduli).</summary>
    public const int Capacity = 4096;

    private static readonly ConcurrentDictionary<string, AsymmetricKeyParameter> Keys = new(StringComparer.Ordinal);

    /// <summary>The certificate's public key, parsed with <paramref name="parse"/> the first time its bytes are seen.</summary>
    /// <exception cref="Exception">Whatever <paramref name="parse"/> throws for a malformed or unsupported key.</exception>
    public static AsymmetricKeyParameter Get(X509Certificate certificate, Func<AsymmetricKeyParameter> parse)
    {
        var id = Convert.ToHexStringLower(SHA256.HashData(certificate.CertificateStructure.SubjectPublicKeyInfo.GetDerEncoded()));
        if (Keys.TryGetValue(id, out var known)) return known;
        var key = parse();
        Remember(id, key);
        return key;
    }

    /// <summary>Keeps a public key this library made or parsed, under its SubjectPublicKeyInfo fingerprint.</summary>
    public static void Remember(string fingerprint, AsymmetricKeyParameter publicKey)
    {
        if (Keys.Count < Capacity) Keys.TryAdd(fingerprint, publicKey);
    }
}
