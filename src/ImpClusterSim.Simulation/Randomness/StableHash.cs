using System.Text;

namespace ImpClusterSim.Simulation.Randomness;

/// <summary>
/// Fixed 64-bit hashing, identical on every process and machine (unlike <see cref="string.GetHashCode()"/>):
/// FNV-1a over UTF-8 bytes, and the SplitMix64 finaliser to mix words into a running digest.
/// </summary>
public static class StableHash
{
    private const ulong FnvOffset = 0xCBF29CE484222325UL;
    private const ulong FnvPrime = 0x100000001B3UL;

    /// <summary>FNV-1a 64 of the UTF-8 bytes of <paramref name="text"/>, finalised with <see cref="Mix"/>.</summary>
    public static ulong Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var h = FnvOffset;
        Span<byte> buffer = stackalloc byte[256];
        var max = Encoding.UTF8.GetMaxByteCount(text.Length);
        var bytes = max <= buffer.Length ? buffer[..Encoding.UTF8.GetBytes(text, buffer)] : Encoding.UTF8.GetBytes(text);
        foreach (var b in bytes)
        {
            h ^= b;
            h *= FnvPrime;
        }
        return Mix(h ^ (ulong)bytes.Length);
    }

    /// <summary>The SplitMix64 finaliser: a bijective, well-avalanching mix of 64 bits.</summary>
    public static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Folds <paramref name="value"/> into a running digest; order matters (a, b differs from b, a).</summary>
    public static ulong Combine(ulong digest, ulong value) => Mix(ulong.RotateLeft(digest, 17) ^ value);
}
