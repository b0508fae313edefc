using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;
using Org.BouncyCastle.X509.Extension;

namespace ImpClusterSim.Pki;

/// <summary>Builds and signs X.509 v3 certificates. All randomness (serial, ECDSA nonce) comes from the source handed in.</summary>
internal static class CertificateBuilder
{
    public static Certificate Build(CertificateTemplate t, SecureRandom random)
    {
        var generator = new X509V3CertificateGenerator();
        generator.SetSerialNumber(NewSerial(random));
        generator.SetIssuerDN(t.Issuer);
        generator.SetSubjectDN(t.Subject);
        generator.SetNotBefore(TruncateToSeconds(t.NotBefore));
        generator.SetNotAfter(TruncateToSeconds(t.NotAfter));
        generator.SetPublicKey(t.SubjectPublicKey);
        generator.AddExtension(X509Extensions.SubjectKeyIdentifier, false,
            X509ExtensionUtilities.CreateSubjectKeyIdentifier(t.SubjectPublicKey));
        generator.AddExtension(X509Extensions.AuthorityKeyIdentifier, false,
            X509ExtensionUtilities.CreateAuthorityKeyIdentifier(t.IssuerPublicKey));
        generator.AddExtension(X509Extensions.BasicConstraints, true, t.IsCertificateAuthority
            ? (t.PathLength is { } length ? new BasicConstraints(length) : new BasicConstraints(true))
            : new BasicConstraints(false));
        if (t.KeyUsageBits != 0)
        {
            generator.AddExtension(X509Extensions.KeyUsage, true, new KeyUsage(t.KeyUsageBits));
        }
        if (t.ExtendedKeyUsages.Count > 0)
        {
            generator.AddExtension(X509Extensions.ExtendedKeyUsage, false, new ExtendedKeyUsage(t.ExtendedKeyUsages.ToArray()));
        }
        if (t.DnsNames.Count > 0)
        {
            generator.AddExtension(X509Extensions.SubjectAlternativeName, false, DnsNames(t.DnsNames));
        }
        var signer = RsaPkcs1SignatureFactory.For(t.Hash, t.SigningKey, random);
        var made = generator.Generate(signer);
        return CertificateInterner.Find(made.GetEncoded()) is { MadeHere: true } known
            ? known
            : CertificateInterner.Intern(new Certificate(made, t.SubjectPublicKey, madeHere: true));
    }

    public static GeneralNames DnsNames(IEnumerable<string> names) =>
        new(names.Select(n => new GeneralName(GeneralName.DnsName, n)).ToArray());

    public static string SignatureAlgorithmName(SignatureHash hash, AsymmetricKeyParameter signingKey)
    {
        var digest = hash switch
        {
            SignatureHash.Sha1 => "SHA1",
            SignatureHash.Sha256 => "SHA256",
            SignatureHash.Sha384 => "SHA384",
            SignatureHash.Sha512 => "SHA512",
            _ => throw new ArgumentOutOfRangeException(nameof(hash), hash, null),
        };
        return signingKey is ECPrivateKeyParameters ? $"{digest}WITHECDSA" : $"{digest}WITHRSA";
    }

    /// <summary>A positive 127-bit serial with its top bit set, so every serial has 32 hex digits.</summary>
    private static BigInteger NewSerial(SecureRandom random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        bytes[0] = (byte)((bytes[0] & 0x7F) | 0x40);
        return new BigInteger(1, bytes);
    }

    internal static DateTime TruncateToSeconds(DateTime time)
    {
        if (time.Kind == DateTimeKind.Local)
        {
            throw new ArgumentException("certificate times must be UTC (virtual time), not local time", nameof(time));
        }
        var utc = DateTime.SpecifyKind(time, DateTimeKind.Utc);
        return utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerSecond));
    }
}
