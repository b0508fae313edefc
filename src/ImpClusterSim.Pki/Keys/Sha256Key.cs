using System.Security.Cryptography;

namespace ImpClusterSim.Pki;

/// <summary>
/// The SHA-256 of some bytes as four 64-bit words: the dictionary key of <see cref="CertificateInterner"/> (a certificate's
/// DER) and of <see cref="SignatureMemo"/> (the bytes a key signed).
/// </summary>
internal readonly record struct Sha256Key(ulong A, ulong B, ulong C, ulong D)
{
    public static Sha256Key Of(ReadOnlySpan<byte> bytes)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(bytes, hash);
        return From(hash);
    }

    public static Sha256Key From(ReadOnlySpan<byte> sha256) => new(
        BitConverter.ToUInt64(sha256[..8]), BitConverter.ToUInt64(sha256[8..16]),
        BitConverter.ToUInt64(sha256[16..24]), BitConverter.ToUInt64(sha256[24..32]));
}
