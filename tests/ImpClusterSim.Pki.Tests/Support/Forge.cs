using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;
using Org.BouncyCastle.X509.Extension;

namespace ImpClusterSim.Pki.Tests;

/// <summary>
/// Builds certificates with exactly the extensions a test needs (EC P-256 keys, SHA-256), with BouncyCastle's
/// generator, so each rule gets a certificate made for it. Defaults: valid a year around <see cref="TestPki.Now"/>,
/// subject and authority key identifiers, and nothing else unless asked.
/// </summary>
internal sealed class Forge
{
    private readonly List<(DerObjectIdentifier Oid, bool Critical, Asn1Encodable Value)> extensions = [];

    private Forge(string subject, KeyPair key)
    {
        Subject = subject.Length == 0 ? new X509Name(new List<DerObjectIdentifier>(), new List<string>()) : new X509Name(subject);
        Key = key;
    }

    public X509Name Subject { get; }

    public KeyPair Key { get; }

    public DateTime NotBefore { get; set; } = TestPki.Now.AddMonths(-6);

    public DateTime NotAfter { get; set; } = TestPki.Now.AddMonths(6);

    public bool KeyIdentifiers { get; set; } = true;

    public int Version { get; set; } = 3;

    /// <summary>A new certificate description; <paramref name="subject"/> like "CN=Forge CA,O=Example" ("" for an empty subject).</summary>
    public static Forge For(string subject, string keyId) => new(subject, TestPki.Key("forge/" + keyId));

    public Forge With(DerObjectIdentifier oid, bool critical, Asn1Encodable value)
    {
        extensions.Add((oid, critical, value));
        return this;
    }

    public Forge Ca(int? pathLength = null, bool critical = true) =>
        With(X509Extensions.BasicConstraints, critical, pathLength is { } p ? new BasicConstraints(p) : new BasicConstraints(true))
            .With(X509Extensions.KeyUsage, true, new KeyUsage(KeyUsage.KeyCertSign | KeyUsage.CrlSign));

    public Forge Dns(params string[] names) =>
        With(X509Extensions.SubjectAlternativeName, false, new GeneralNames(names.Select(n => new GeneralName(GeneralName.DnsName, n)).ToArray()));

    public Forge Names(bool critical, params GeneralName[] names) => With(X509Extensions.SubjectAlternativeName, critical, new GeneralNames(names));

    public Forge Eku(params KeyPurposeID[] purposes) => With(X509Extensions.ExtendedKeyUsage, false, new ExtendedKeyUsage(purposes));

    /// <summary>Self-signed.</summary>
    public Certificate SelfSigned() => SignedBy(this);

    public Certificate SignedBy(Forge issuer)
    {
        var serial = new BigInteger(1, DeterministicRandom.Hash("forge-serial", Subject.ToString(), issuer.Subject.ToString(), Key.KeyId, NotBefore.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture)).AsSpan(0, 12).ToArray());
        var signer = new Asn1SignatureFactory("SHA256WITHECDSA", issuer.Key.Private, DeterministicRandom.For("forge-sign", serial.ToString()));
        if (Version == 1)
        {
            var v1 = new X509V1CertificateGenerator();
            v1.SetSerialNumber(serial);
            v1.SetIssuerDN(issuer.Subject);
            v1.SetSubjectDN(Subject);
            v1.SetNotBefore(NotBefore);
            v1.SetNotAfter(NotAfter);
            v1.SetPublicKey(Key.Public);
            return CertificateReader.DecodeCertificate(v1.Generate(signer).GetEncoded());
        }
        var generator = new X509V3CertificateGenerator();
        generator.SetSerialNumber(serial);
        generator.SetIssuerDN(issuer.Subject);
        generator.SetSubjectDN(Subject);
        generator.SetNotBefore(NotBefore);
        generator.SetNotAfter(NotAfter);
        generator.SetPublicKey(Key.Public);
        if (KeyIdentifiers)
        {
            generator.AddExtension(X509Extensions.SubjectKeyIdentifier, false, X509ExtensionUtilities.CreateSubjectKeyIdentifier(Key.Public));
            if (!ReferenceEquals(issuer, this))
            {
                generator.AddExtension(X509Extensions.AuthorityKeyIdentifier, false, X509ExtensionUtilities.CreateAuthorityKeyIdentifier(issuer.Key.Public));
            }
        }
        foreach (var (oid, critical, value) in extensions)
        {
            generator.AddExtension(oid, critical, value);
        }
        return CertificateReader.DecodeCertificate(generator.Generate(signer).GetEncoded());
    }

    /// <summary>DER of a tbsCertificate made of raw parts, signed by <paramref name="issuer"/>: for certificates no generator would make.</summary>
    public static byte[] Raw(Forge issuer, KeyPair subjectKey, Asn1Encodable notBefore, Asn1Encodable notAfter, params Asn1Encodable[] extensionList)
    {
        var algorithm = new AlgorithmIdentifier(Org.BouncyCastle.Asn1.X9.X9ObjectIdentifiers.ECDsaWithSha256);
        var fields = new Asn1EncodableVector
        {
            new DerTaggedObject(true, 0, DerInteger.ValueOf(2)),
            DerInteger.ValueOf(4242),
            algorithm,
            issuer.Subject,
            new DerSequence(notBefore, notAfter),
            new X509Name("CN=Raw"),
            Org.BouncyCastle.X509.SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(subjectKey.Public),
        };
        if (extensionList.Length > 0)
        {
            fields.Add(new DerTaggedObject(true, 3, new DerSequence(extensionList)));
        }
        var tbs = new DerSequence(fields);
        var signer = SignerUtilities.GetSigner("SHA256WITHECDSA");
        signer.Init(true, new Org.BouncyCastle.Crypto.Parameters.ParametersWithRandom(issuer.Key.Private, DeterministicRandom.For("forge-raw")));
        var tbsBytes = tbs.GetDerEncoded();
        signer.BlockUpdate(tbsBytes, 0, tbsBytes.Length);
        return new DerSequence(tbs, algorithm, new DerBitString(signer.GenerateSignature())).GetDerEncoded();
    }

    /// <summary>An Extension SEQUENCE with raw value bytes.</summary>
    public static Asn1Encodable RawExtension(DerObjectIdentifier oid, bool critical, byte[] value) =>
        critical ? new DerSequence(oid, DerBoolean.True, new DerOctetString(value)) : new DerSequence(oid, new DerOctetString(value));

    public static Asn1Encodable Time(DateTime time) => new Org.BouncyCastle.Asn1.X509.Time(time);

    public static ValidationOptions At => new(TestPki.Now);
}
