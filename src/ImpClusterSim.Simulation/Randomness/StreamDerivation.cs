using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace ImpClusterSim.Simulation.Randomness;

/// <summary>
/// Turns (seed, name parts) into a stream's state: SHA-256 over the seed (8 bytes, little endian) and the parts, each
/// length-prefixed so that ("a/b", "c") and ("a", "b/c") differ. Never <see cref="string.GetHashCode()"/>, which
/// changes from one process to the next.
/// </summary>
internal static class StreamDerivation
{
    public static string Key(ReadOnlySpan<string> parts)
    {
        var sb = new StringBuilder();
        foreach (var part in parts)
        {
            ArgumentNullException.ThrowIfNull(part);
            sb.Append(part.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(':').Append(part).Append(';');
        }
        return sb.ToString();
    }

    public static SeededRandom Derive(ulong seed, string key, string name)
    {
        var text = Encoding.UTF8.GetBytes(key);
        var input = new byte[8 + text.Length];
        BinaryPrimitives.WriteUInt64LittleEndian(input, seed);
        text.CopyTo(input, 8);
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(input, digest);
        return new SeededRandom(
            BinaryPrimitives.ReadUInt64LittleEndian(digest),
            BinaryPrimitives.ReadUInt64LittleEndian(digest[8..]),
            BinaryPrimitives.ReadUInt64LittleEndian(digest[16..]),
            BinaryPrimitives.ReadUInt64LittleEndian(digest[24..])) { Name = name };
    }
}
