using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;

namespace ImpClusterSim.Pki;

/// <summary>Generates key pairs from a random source handed in. Deterministic when the source is seeded.</summary>
public static class KeyGenerator
{
    /// <summary>The RSA public exponent of every generated key (and of the shipped pool keys).</summary>
    internal static readonly BigInteger PublicExponent = BigInteger.ValueOf(65537);

    /// <summary>Generates a key for <paramref name="keyId"/> from a stream seeded with that id and the algorithm.</summary>
    public static KeyPair Generate(KeyAlgorithm algorithm, string keyId) => new(algorithm, keyId, null, GenerateRaw(algorithm, keyId));

    /// <summary>The raw key pair <see cref="Generate"/> wraps: the one place the per-id seed is spelled.</summary>
    internal static AsymmetricCipherKeyPair GenerateRaw(KeyAlgorithm algorithm, string keyId) =>
        GenerateRaw(algorithm, DeterministicRandom.For("key", algorithm.DisplayName(), keyId));

    internal static AsymmetricCipherKeyPair GenerateRaw(KeyAlgorithm algorithm, SecureRandom random)
    {
        if (algorithm.IsRsa())
        {
            var rsa = new RsaKeyPairGenerator();
            rsa.Init(new RsaKeyGenerationParameters(PublicExponent, random, algorithm.Bits(), 100));
            return rsa.GenerateKeyPair();
        }
        var curve = algorithm == KeyAlgorithm.EcP256 ? SecObjectIdentifiers.SecP256r1 : SecObjectIdentifiers.SecP384r1;
        var ec = new ECKeyPairGenerator("EC");
        ec.Init(new ECKeyGenerationParameters(curve, random));
        return ec.GenerateKeyPair();
    }
}
