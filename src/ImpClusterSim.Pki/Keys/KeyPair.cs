using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.X509;

namespace ImpClusterSim.Pki;

/// <summary>A private key and its public key, with the stable id it was derived from.</summary>
public sealed class KeyPair
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<AsymmetricKeyParameter, Tuple<byte[], string>> PublicKeyInfo = new();
    private readonly byte[] publicKeyDer;

    internal KeyPair(KeyAlgorithm algorithm, string keyId, int? poolSlot, AsymmetricCipherKeyPair pair)
    {
        Algorithm = algorithm;
        KeyId = keyId;
        PoolSlot = poolSlot;
        Bc = pair;
        // A pool key is handed out under many key ids: its encoding and fingerprint are worked out once per key.
        (publicKeyDer, PublicKeyFingerprint) = PublicKeyInfo.GetValue(pair.Public, static key =>
        {
            var der = SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(key).GetDerEncoded();
            var fingerprint = Fingerprint(der);
            ParsedPublicKeys.Remember(fingerprint, key);
            return new Tuple<byte[], string>(der, fingerprint);
        }).ToValueTuple();
    }

    /// <summary>
    /// A key pair read back from its PKCS#8 private key (as <see cref="GetPrivateKeyDer"/> wrote it), with the id and
    /// pool slot it had: the public key is derived from the private one. Throws <see cref="FormatException"/> when the
    /// bytes are not an RSA or EC private key of <paramref name="algorithm"/>.
    /// </summary>
    public static KeyPair FromPrivateKeyDer(KeyAlgorithm algorithm, string keyId, int? poolSlot, byte[] pkcs8)
    {
        AsymmetricKeyParameter key;
        try
        {
            key = Org.BouncyCastle.Security.PrivateKeyFactory.CreateKey(pkcs8);
        }
        catch (Exception e) when (e is ArgumentException or InvalidCastException or IOException or InvalidOperationException)
        {
            throw new FormatException($"key '{keyId}': not a PKCS#8 private key ({e.Message})");
        }
        AsymmetricKeyParameter publicKey = key switch
        {
            Org.BouncyCastle.Crypto.Parameters.RsaPrivateCrtKeyParameters rsa when algorithm.IsRsa() =>
                new Org.BouncyCastle.Crypto.Parameters.RsaKeyParameters(false, rsa.Modulus, rsa.PublicExponent),
            Org.BouncyCastle.Crypto.Parameters.ECPrivateKeyParameters ec when !algorithm.IsRsa() =>
                new Org.BouncyCastle.Crypto.Parameters.ECPublicKeyParameters(ec.Parameters.G.Multiply(ec.D).Normalize(), ec.Parameters),
            _ => throw new FormatException($"key '{keyId}': a {key.GetType().Name} is not a {algorithm.DisplayName()} private key"),
        };
        return new KeyPair(algorithm, keyId, poolSlot, new AsymmetricCipherKeyPair(publicKey, key));
    }

    public KeyAlgorithm Algorithm { get; }

    /// <summary>The id the key was derived from (e.g. "run-42/imp1.example.com/tomcat/0").</summary>
    public string KeyId { get; }

    /// <summary>The slot of the shared RSA key pool this key came from; null when generated for its id alone.</summary>
    public int? PoolSlot { get; }

    /// <summary>SHA-256 of the SubjectPublicKeyInfo, lower-case hex: two keys are the same key when these match.</summary>
    public string PublicKeyFingerprint { get; }

    internal AsymmetricCipherKeyPair Bc { get; }

    internal AsymmetricKeyParameter Private => Bc.Private;

    internal AsymmetricKeyParameter Public => Bc.Public;

    public byte[] GetPublicKeyDer() => (byte[])publicKeyDer.Clone();

    /// <summary>The private key as PKCS#8 DER.</summary>
    public byte[] GetPrivateKeyDer() => PrivateKeyInfoFactory.CreatePrivateKeyInfo(Bc.Private).GetDerEncoded();

    /// <summary>The private key as an unencrypted PKCS#8 PEM block ("PRIVATE KEY"), readable by OpenSSL.</summary>
    public string ToPrivateKeyPem() => Pem.Encode("PRIVATE KEY", GetPrivateKeyDer());

    /// <summary>The public key as a PEM block ("PUBLIC KEY").</summary>
    public string ToPublicKeyPem() => Pem.Encode("PUBLIC KEY", publicKeyDer);

    public override string ToString() => $"{Algorithm.DisplayName()} key '{KeyId}'" + (PoolSlot is { } s ? $" (pool slot {s})" : "");

    /// <summary>The <see cref="PublicKeyFingerprint"/> a key pair with this public key would have.</summary>
    internal static string FingerprintOf(AsymmetricKeyParameter publicKey) =>
        Fingerprint(SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(publicKey).GetDerEncoded());

    private static string Fingerprint(byte[] subjectPublicKeyInfoDer) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(subjectPublicKeyInfoDer));

    internal bool SamePublicKey(AsymmetricKeyParameter other) =>
        SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(other).GetDerEncoded().AsSpan().SequenceEqual(publicKeyDer);
}
