using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Crypto.Parameters;

namespace ImpClusterSim.Pki;

/// <summary>
/// Signs with RSA PKCS#1 v1.5 through the platform's RSA (OpenSSL on Linux), about five times faster than
/// BouncyCastle's own RSA private-key operation. PKCS#1 v1.5 signatures are deterministic, so the bytes are
/// exactly those BouncyCastle would produce: only the time changes. Everything else stays BouncyCastle.
/// </summary>
internal sealed class RsaPkcs1SignatureFactory : ISignatureFactory
{
    private static readonly ConditionalWeakTable<RsaPrivateCrtKeyParameters, RSA> PlatformKeys = new();

    private readonly RsaPrivateCrtKeyParameters key;
    private readonly RSA rsa;
    private readonly HashAlgorithmName hash;

    private RsaPkcs1SignatureFactory(RsaPrivateCrtKeyParameters key, RSA rsa, HashAlgorithmName hash, object algorithmDetails)
    {
        this.key = key;
        this.rsa = rsa;
        this.hash = hash;
        AlgorithmDetails = algorithmDetails;
    }

    public object AlgorithmDetails { get; }

    /// <summary>A platform-backed factory for RSA CRT keys, or BouncyCastle's own factory for anything else.</summary>
    public static ISignatureFactory For(SignatureHash hash, AsymmetricKeyParameter signingKey, Org.BouncyCastle.Security.SecureRandom random)
    {
        var bouncyCastle = new Asn1SignatureFactory(CertificateBuilder.SignatureAlgorithmName(hash, signingKey), signingKey, random);
        if (signingKey is not RsaPrivateCrtKeyParameters key)
        {
            return bouncyCastle;
        }
        var name = hash switch
        {
            SignatureHash.Sha1 => HashAlgorithmName.SHA1,
            SignatureHash.Sha256 => HashAlgorithmName.SHA256,
            SignatureHash.Sha384 => HashAlgorithmName.SHA384,
            _ => HashAlgorithmName.SHA512,
        };
        return new RsaPkcs1SignatureFactory(key, PlatformKeys.GetValue(key, Import), name, bouncyCastle.AlgorithmDetails);
    }

    public IStreamCalculator<IBlockResult> CreateCalculator() => new Calculator(this);

    private byte[] Sign(byte[] data) => SignatureMemo.GetOrSign(key, hash, data, bytes =>
    {
        lock (rsa)
        {
            return rsa.SignData(bytes, hash, RSASignaturePadding.Pkcs1);
        }
    });

    private static RSA Import(RsaPrivateCrtKeyParameters key)
    {
        var size = (key.Modulus.BitLength + 7) / 8;
        var half = (size + 1) / 2;
        var rsa = RSA.Create();
        rsa.ImportParameters(new RSAParameters
        {
            Modulus = Fixed(key.Modulus, size),
            Exponent = key.PublicExponent.ToByteArrayUnsigned(),
            D = Fixed(key.Exponent, size),
            P = Fixed(key.P, half),
            Q = Fixed(key.Q, half),
            DP = Fixed(key.DP, half),
            DQ = Fixed(key.DQ, half),
            InverseQ = Fixed(key.QInv, half),
        });
        return rsa;
    }

    private static byte[] Fixed(Org.BouncyCastle.Math.BigInteger value, int length)
    {
        var bytes = value.ToByteArrayUnsigned();
        if (bytes.Length == length)
        {
            return bytes;
        }
        var padded = new byte[length];
        bytes.CopyTo(padded, length - bytes.Length);
        return padded;
    }

    private sealed class Calculator(RsaPkcs1SignatureFactory factory) : IStreamCalculator<IBlockResult>
    {
        private readonly MemoryStream buffer = new();

        public Stream Stream => buffer;

        public IBlockResult GetResult() => new SimpleBlockResult(factory.Sign(buffer.ToArray()));
    }
}
