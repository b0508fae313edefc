using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Parameters;

namespace ImpClusterSim.Pki;

/// <summary>
/// The RSA PKCS#1 v1.5 signatures this process computed, per private key, by hash algorithm and the SHA-256 of the
/// signed bytes. PKCS#1 v1.5 is deterministic (RFC 8017 §8.2), so a signature over the same bytes with the same key is
/// the same: a deployment installed again in the next run of a campaign (docs/pki.md, "Determinism") costs no RSA
/// private-key operation. Keys come from the process-wide <see cref="KeyPool"/> cache, so the key object identifies
/// the key. Bounded: a key's table is emptied at <see cref="CapacityPerKey"/> signatures. Safe across threads.
/// </summary>
internal static class SignatureMemo
{
    /// <summary>The most signatures kept per key.</summary>
    public const int CapacityPerKey = 4_096;

    private static readonly ConditionalWeakTable<RsaPrivateCrtKeyParameters, ConcurrentDictionary<(HashAlgorithmName, Sha256Key), byte[]>> ByKey = new();

    /// <summary>The signature of <paramref name="data"/> with <paramref name="key"/>: remembered, or made by <paramref name="sign"/> and remembered.</summary>
    public static byte[] GetOrSign(RsaPrivateCrtKeyParameters key, HashAlgorithmName hash, byte[] data, Func<byte[], byte[]> sign)
    {
        var table = ByKey.GetValue(key, _ => new ConcurrentDictionary<(HashAlgorithmName, Sha256Key), byte[]>());
        var entry = (hash, Sha256Key.Of(data));
        if (table.TryGetValue(entry, out var known)) return (byte[])known.Clone();
        var signature = sign(data);
        if (table.Count >= CapacityPerKey) table.Clear();
        table[entry] = signature;
        return (byte[])signature.Clone();
    }
}
