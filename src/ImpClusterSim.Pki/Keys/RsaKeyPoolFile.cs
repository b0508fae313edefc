using System.Globalization;
using System.Reflection;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;

namespace ImpClusterSim.Pki;

/// <summary>
/// The shared RSA key pool, shipped as an embedded resource (Keys/rsa-key-pool.txt) so that no run pays for RSA
/// key generation. Slot <c>i</c> of algorithm <c>A</c> is the key generated from the stream seeded with
/// ("key-pool/v1", A, i); the file stores its primes p and q, and the rest of the key is recomputed on load.
/// Regenerate the file with <see cref="GenerateEntry"/> (one line per slot).
/// </summary>
public static class RsaKeyPoolFile
{
    private const string ResourceName = "ImpClusterSim.Pki.Keys.rsa-key-pool.txt";
    private static readonly Lazy<IReadOnlyDictionary<(KeyAlgorithm, int), (string P, string Q)>> Entries = new(Load);

    /// <summary>Number of slots per RSA size.</summary>
    public static int Size(KeyAlgorithm algorithm) => algorithm switch
    {
        KeyAlgorithm.Rsa1024 => 32,
        KeyAlgorithm.Rsa2048 => 128,
        KeyAlgorithm.Rsa3072 => 32,
        KeyAlgorithm.Rsa4096 => 16,
        _ => 0,
    };

    /// <summary>Generates slot <paramref name="slot"/> from its seed and formats it as a line of the pool file.</summary>
    public static string GenerateEntry(KeyAlgorithm algorithm, int slot)
    {
        var pair = KeyGenerator.GenerateRaw(algorithm, SlotRandom(algorithm, slot));
        var key = (RsaPrivateCrtKeyParameters)pair.Private;
        return string.Create(CultureInfo.InvariantCulture,
            $"{algorithm.DisplayName()} {slot} {key.P.ToString(16)} {key.Q.ToString(16)}");
    }

    /// <summary>Parses one slot of the shipped pool, bypassing every cache (for benchmarks).</summary>
    public static KeyPair LoadSlot(KeyAlgorithm algorithm, int slot) =>
        new(algorithm, string.Create(CultureInfo.InvariantCulture, $"key-pool/v1/{algorithm.DisplayName()}/{slot}"), slot, Load(algorithm, slot));

    internal static Org.BouncyCastle.Security.SecureRandom SlotRandom(KeyAlgorithm algorithm, int slot) =>
        DeterministicRandom.For("key-pool/v1", algorithm.DisplayName(), slot.ToString(CultureInfo.InvariantCulture));

    internal static AsymmetricCipherKeyPair Load(KeyAlgorithm algorithm, int slot)
    {
        if (!Entries.Value.TryGetValue((algorithm, slot), out var primes))
        {
            throw new InvalidOperationException($"the RSA key pool has no slot {slot} for {algorithm.DisplayName()}");
        }
        return FromPrimes(new BigInteger(primes.P, 16), new BigInteger(primes.Q, 16));
    }

    /// <summary>Rebuilds the key exactly as BouncyCastle's RsaKeyPairGenerator computes it from p and q.</summary>
    internal static AsymmetricCipherKeyPair FromPrimes(BigInteger p, BigInteger q)
    {
        var e = KeyGenerator.PublicExponent;
        var n = p.Multiply(q);
        var pSub1 = p.Subtract(BigInteger.One);
        var qSub1 = q.Subtract(BigInteger.One);
        var phi = pSub1.Multiply(qSub1);
        var d = e.ModInverse(phi.Divide(pSub1.Gcd(qSub1)));
        return RsaPrimalityTests.SkippedFor(() => new AsymmetricCipherKeyPair(
            new RsaKeyParameters(false, n, e),
            new RsaPrivateCrtKeyParameters(n, e, d, p, q, d.Remainder(pSub1), d.Remainder(qSub1), q.ModInverse(p))));
    }

    private static IReadOnlyDictionary<(KeyAlgorithm, int), (string P, string Q)> Load()
    {
        var result = new Dictionary<(KeyAlgorithm, int), (string, string)>();
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            var parts = line.Split(' ');
            result[(KeyAlgorithmExtensions.Parse(parts[0]), int.Parse(parts[1], CultureInfo.InvariantCulture))] = (parts[2], parts[3]);
        }
        return result;
    }
}
