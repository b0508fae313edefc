using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Pkcs;

namespace ImpClusterSim.Pki;

/// <summary>A PKCS#10 certificate signing request (CSR) with the names a CA copies into the certificate.</summary>
public sealed class CertificateRequest
{
    private readonly byte[] der;
    private readonly Lazy<AsymmetricKeyParameter> publicKey;

    internal CertificateRequest(Pkcs10CertificationRequest request, AsymmetricKeyParameter? knownPublicKey = null, bool madeHere = false)
    {
        Bc = request;
        der = request.GetDerEncoded();
        var info = request.GetCertificationRequestInfo();
        SubjectName = info.Subject;
        Subject = DistinguishedNames.Format(info.Subject);
        KeyBits = PublicKeyDescription.Bits(info.SubjectPublicKeyInfo);
        KeyDescription = PublicKeyDescription.Describe(info.SubjectPublicKeyInfo, KeyBits);
        var extensions = request.GetRequestedExtensions();
        DnsNames = ExtensionReader.GeneralNameValues(extensions, GeneralName.DnsName);
        publicKey = new Lazy<AsymmetricKeyParameter>(() => knownPublicKey
            ?? (madeHere ? RsaPrimalityTests.SkippedFor(request.GetPublicKey) : request.GetPublicKey()));
    }

    internal Pkcs10CertificationRequest Bc { get; }

    internal X509Name SubjectName { get; }

    internal AsymmetricKeyParameter PublicKey => publicKey.Value;

    public string Subject { get; }

    public string SubjectCommonName => DistinguishedNames.CommonName(SubjectName) ?? Subject;

    /// <summary>The SAN dNSNames requested (extensionRequest attribute).</summary>
    public IReadOnlyList<string> DnsNames { get; }

    /// <summary>"RSA 2048", "EC P-256".</summary>
    public string KeyDescription { get; }

    public int KeyBits { get; }

    /// <summary>"SHA256WITHRSA", ...</summary>
    public string SignatureAlgorithm => SignatureAlgorithms.Name(Bc.SignatureAlgorithm.Algorithm.Id, Bc.SignatureAlgorithm.Algorithm.Id);

    /// <summary>
    /// Makes a CSR for a TLS certificate: subject CN, SAN dNSNames, and the key usage and EKU of domain facts §3.2.5
    /// requested as extensions. The signature is deterministic (RSA PKCS#1 v1.5, or ECDSA with a nonce stream
    /// seeded from the key id and the names).
    /// </summary>
    public static CertificateRequest Create(string commonName, IEnumerable<string> dnsNames, KeyPair key,
        SignatureHash hash = SignatureHash.Sha256)
    {
        var names = dnsNames.ToArray();
        var extensions = new X509ExtensionsGenerator();
        if (names.Length > 0)
        {
            extensions.AddExtension(X509Extensions.SubjectAlternativeName, false, CertificateBuilder.DnsNames(names));
        }
        extensions.AddExtension(X509Extensions.KeyUsage, true, new KeyUsage(KeyUsageBits.TlsLeaf));
        extensions.AddExtension(X509Extensions.ExtendedKeyUsage, false, new ExtendedKeyUsage(KeyUsageBits.ServerAndClient.ToArray()));
        var attributes = new DerSet(new AttributePkcs(PkcsObjectIdentifiers.Pkcs9AtExtensionRequest,
            new DerSet(extensions.Generate())));
        var random = DeterministicRandom.For(["csr", key.KeyId, commonName, .. names, hash.ToString()]);
        var signer = RsaPkcs1SignatureFactory.For(hash, key.Private, random);
        var request = new Pkcs10CertificationRequest(signer, DistinguishedNames.Build(commonName), key.Public, attributes);
        return CertificateRequestInterner.Intern(new CertificateRequest(request, key.Public, madeHere: true));
    }

    /// <summary>
    /// True when the CSR's self-signature verifies (checked once per object: a CSR is a pure function of its bytes, and
    /// one made here again with the same bytes is the same object, <see cref="CertificateRequestInterner"/>).
    /// </summary>
    public bool SignatureIsValid()
    {
        if (verdict != 0) return verdict > 0;
        bool valid;
        try
        {
            valid = Bc.Verify(PublicKey);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            valid = false;
        }
        verdict = valid ? 1 : -1;
        return valid;
    }

    private volatile int verdict; // 0: not checked yet; 1 valid; -1 not

    /// <summary>The SHA-256 of the DER (the interning key).</summary>
    internal Sha256Key Digest => Sha256Key.Of(der);

    public bool HasPublicKeyOf(KeyPair key)
    {
        try
        {
            return key.SamePublicKey(PublicKey);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return false; // a foreign CSR whose key cannot be parsed carries no key of ours
        }
    }

    public byte[] GetDer() => (byte[])der.Clone();

    /// <summary>PEM block "CERTIFICATE REQUEST" (the tomcat.csr file).</summary>
    public string ToPem() => Pem.Encode("CERTIFICATE REQUEST", der);

    public override string ToString() => $"CSR '{Subject}'";
}
