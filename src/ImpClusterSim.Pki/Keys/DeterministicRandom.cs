using System.Text;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Security;

namespace ImpClusterSim.Pki;

/// <summary>
/// Seeded random sources. Every stream is derived from names (seed, node, unit, purpose), never from the clock
/// or from call order, so the same names give the same bytes in any process.
/// </summary>
public static class DeterministicRandom
{
    /// <summary>A SHA256PRNG seeded only with the SHA-256 of the given parts (joined unambiguously).</summary>
    public static SecureRandom For(params string[] parts)
    {
        var random = SecureRandom.GetInstance("SHA256PRNG", autoSeed: false);
        random.SetSeed(Hash(parts));
        return random;
    }

    /// <summary>SHA-256 of the parts, each length-prefixed so that ("ab","c") and ("a","bc") differ.</summary>
    public static byte[] Hash(params string[] parts)
    {
        var digest = new Sha256Digest();
        foreach (var part in parts)
        {
            var bytes = Encoding.UTF8.GetBytes(part);
            var length = BitConverter.GetBytes(bytes.Length);
            if (!BitConverter.IsLittleEndian)
            {
                Array.Reverse(length);
            }
            digest.BlockUpdate(length, 0, length.Length);
            digest.BlockUpdate(bytes, 0, bytes.Length);
        }
        var result = new byte[digest.GetDigestSize()];
        digest.DoFinal(result, 0);
        return result;
    }

    /// <summary>A stable unsigned 64-bit value from the parts (for slot choices).</summary>
    public static ulong HashToUInt64(params string[] parts)
    {
        var hash = Hash(parts);
        ulong value = 0;
        for (var i = 0; i < 8; i++)
        {
            value = (value << 8) | hash[i];
        }
        return value;
    }
}
