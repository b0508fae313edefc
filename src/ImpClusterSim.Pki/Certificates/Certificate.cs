using System.Globalization;
using System.Security.Cryptography;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.X509;

namespace ImpClusterSim.Pki;

/// <summary>
/// An immutable X.509 certificate (a BouncyCastle certificate underneath). Equal when the DER bytes are equal.
/// Safe to share by reference between nodes and threads.
/// </summary>
public sealed class Certificate : IEquatable<Certificate>
{
    private readonly byte[] der;
    private readonly int hashCode;
    private readonly Lazy<AsymmetricKeyParameter?> publicKey;
    private readonly Lazy<bool> selfSigned;
    private readonly Lazy<IReadOnlyList<string>> dnsNames;
    private readonly Lazy<bool> selfIssued;
    private readonly Lazy<int?> pathLengthConstraint;
    private readonly Lazy<KeyIdentifiers> keyIdentifiers;
    private readonly Lazy<IReadOnlyList<string>> extendedKeyUsageOids;
    private readonly HashSet<string> extensionOids;
    private Verification? lastVerification;
    // Worked out on first use (the same value whichever thread computes it first).
    private string? subjectCommonName;
    private string? serialNumberHex;
    private string[]? criticalExtensionOids;

    internal Certificate(X509Certificate certificate, AsymmetricKeyParameter? knownPublicKey = null, bool madeHere = false)
    {
        Bc = certificate;
        der = certificate.GetEncoded();
        MadeHere = madeHere;
        publicKey = new Lazy<AsymmetricKeyParameter?>(() => knownPublicKey ?? ReadPublicKey(certificate, madeHere));
        selfSigned = new Lazy<bool>(() => IsSelfIssued && SignatureVerifiesWith(PublicKey));
        dnsNames = new Lazy<IReadOnlyList<string>>(() => ExtensionReader.DnsNames(certificate));
        selfIssued = new Lazy<bool>(() => DistinguishedNames.AreEqual(certificate.SubjectDN, certificate.IssuerDN));
        pathLengthConstraint = new Lazy<int?>(() => ReadPathLengthConstraint(certificate));
        keyIdentifiers = new Lazy<KeyIdentifiers>(() => KeyIdentifiers.Read(certificate));
        extendedKeyUsageOids = new Lazy<IReadOnlyList<string>>(() => ExtensionReader.ExtendedKeyUsageOids(certificate));
        extensionOids = new HashSet<string>(certificate.CertificateStructure.TbsCertificate.Extensions?.ExtensionOids.Select(o => o.Id) ?? [], StringComparer.Ordinal);
        Subject = DistinguishedNames.Format(certificate.SubjectDN);
        Issuer = DistinguishedNames.Format(certificate.IssuerDN);
        var sha256 = SHA256.HashData(der);
        Digest = Sha256Key.From(sha256);
        hashCode = BitConverter.ToInt32(sha256, 0);
        Sha256Fingerprint = string.Join(':', sha256.Select(b => b.ToString("X2", CultureInfo.InvariantCulture)));
        KeyBits = PublicKeyDescription.Bits(certificate.SubjectPublicKeyInfo);
        KeyDescription = PublicKeyDescription.Describe(certificate.SubjectPublicKeyInfo, KeyBits);
        KeyType = KeyDescription.Split(' ')[0];
    }

    internal X509Certificate Bc { get; }

    /// <summary>The SHA-256 of the DER bytes (<see cref="CertificateInterner"/>'s key).</summary>
    internal Sha256Key Digest { get; }

    /// <summary>True when this library issued the certificate (its RSA key is parsed without primality tests).</summary>
    internal bool MadeHere { get; }

    /// <summary>The parsed public key; null when it cannot be parsed (an unsupported or malformed key).</summary>
    internal AsymmetricKeyParameter? PublicKey => publicKey.Value;

    /// <summary>The subject DN as text, e.g. "CN=imp1.example.com,OU=IM and Presence".</summary>
    public string Subject { get; }

    public string Issuer { get; }

    public string SubjectCommonName => subjectCommonName ??= DistinguishedNames.CommonName(Bc.SubjectDN) ?? Subject;

    public string IssuerCommonName => DistinguishedNames.CommonName(Bc.IssuerDN) ?? Issuer;

    /// <summary>Serial number in lower-case hex without leading zeros, as in trust-store file names.</summary>
    public string SerialNumberHex => serialNumberHex ??= Bc.SerialNumber.ToString(16);

    /// <summary>The OIDs of its critical extensions, in ordinal order (read once: every path validation asks).</summary>
    internal IReadOnlyList<string> CriticalExtensionOids =>
        criticalExtensionOids ??= [.. (Bc.GetCriticalExtensionOids() ?? Enumerable.Empty<string>()).Order(StringComparer.Ordinal)];

    /// <summary>Its file name in a trust store (<see cref="TrustEntry.FileNameFor"/>), kept once worked out.</summary>
    internal string? TrustFileName { get; set; }

    public DateTime NotBefore => DateTime.SpecifyKind(Bc.NotBefore, DateTimeKind.Utc);

    public DateTime NotAfter => DateTime.SpecifyKind(Bc.NotAfter, DateTimeKind.Utc);

    public int Version => Bc.Version;

    /// <summary>"RSA 2048", "EC P-256", "DSA 1024".</summary>
    public string KeyDescription { get; }

    /// <summary>RSA modulus size or EC field size, in bits.</summary>
    public int KeyBits { get; }

    /// <summary>"RSA", "EC" or "DSA".</summary>
    public string KeyType { get; }

    /// <summary>"SHA256WITHRSA", "SHA384WITHECDSA", ...</summary>
    public string SignatureAlgorithm => SignatureAlgorithms.Name(Bc.SigAlgOid, Bc.SigAlgName);

    public string SignatureAlgorithmOid => Bc.SigAlgOid;

    /// <summary>SHA-256 fingerprint as upper-case hex pairs separated by colons (as OpenSSL prints it).</summary>
    public string Sha256Fingerprint { get; }

    /// <summary>True when the basic constraints extension says cA=TRUE.</summary>
    public bool IsCertificateAuthority => Bc.GetBasicConstraints() >= 0;

    /// <summary>The pathLenConstraint of a CA certificate; null when absent (unlimited) or not a CA.</summary>
    public int? PathLengthConstraint => pathLengthConstraint.Value;

    /// <summary>Subject and issuer names are equal (RFC 5280 comparison).</summary>
    public bool IsSelfIssued => selfIssued.Value;

    /// <summary>Self-issued and the signature verifies with its own key.</summary>
    public bool IsSelfSigned => selfSigned.Value;

    /// <summary>The dNSName entries of the subject alternative name extension, in order.</summary>
    public IReadOnlyList<string> DnsNames => dnsNames.Value;

    /// <summary>The keyIdentifier of the subject key identifier extension (RFC 5280 §4.2.1.2); null when absent.</summary>
    internal byte[]? SubjectKeyIdentifier => keyIdentifiers.Value.Subject;

    /// <summary>The keyIdentifier of the authority key identifier extension (RFC 5280 §4.2.1.1); null when absent or without one.</summary>
    internal byte[]? AuthorityKeyIdentifier => keyIdentifiers.Value.Authority;

    /// <summary>Every subject alternative name (any type), in order; empty when the extension is absent.</summary>
    internal IReadOnlyList<Org.BouncyCastle.Asn1.X509.GeneralName> SubjectAlternativeNames => ExtensionReader.SubjectAlternativeNames(Bc);

    /// <summary>The iPAddress entries of the subject alternative name extension, as text ("192.0.2.1", "2001:db8::1").</summary>
    public IReadOnlyList<string> IpAddresses => ExtensionReader.IpAddresses(Bc);

    /// <summary>True when the certificate carries an extension with this OID (e.g. "2.5.29.30").</summary>
    public bool HasExtension(string oid) => extensionOids.Contains(oid);

    /// <summary>The extendedKeyUsage purposes as OIDs (RFC 5280 §4.2.1.12), parsed once; empty without the extension.</summary>
    internal IReadOnlyList<string> ExtendedKeyUsageOids => extendedKeyUsageOids.Value;

    /// <summary>Key usage names ("Digital Signature", "Key Encipherment", ...); empty when the extension is absent.</summary>
    public IReadOnlyList<string> KeyUsages => ExtensionReader.KeyUsageNames(Bc);

    /// <summary>Extended key usage names ("TLS Web Server Authentication", ...); empty when absent.</summary>
    public IReadOnlyList<string> ExtendedKeyUsages => ExtensionReader.ExtendedKeyUsageNames(Bc);

    /// <summary>All extensions, in certificate order.</summary>
    public IReadOnlyList<CertificateExtension> Extensions
    {
        get
        {
            var extensions = Bc.CertificateStructure.TbsCertificate.Extensions;
            if (extensions is null)
            {
                return [];
            }
            return extensions.ExtensionOids
                .Select(oid => new CertificateExtension(oid.Id, ExtensionReader.ExtensionName(oid.Id), extensions.GetExtension(oid).IsCritical))
                .ToArray();
        }
    }

    /// <summary>Description as the certificate list shows it.</summary>
    public string Description => IsSelfSigned
        ? "Self-signed certificate generated by system"
        : $"Certificate Signed by {IssuerCommonName}";

    public byte[] GetDer() => (byte[])der.Clone();

    public string ToPem() => Pem.Encode("CERTIFICATE", der);

    /// <summary>
    /// True when <paramref name="issuer"/>'s subject is this certificate's issuer name (RFC 5280 comparison) and its
    /// public key verifies this certificate's signature. Uses the cached parsed keys: cheap to call repeatedly.
    /// </summary>
    public bool IsSignedBy(Certificate issuer) =>
        DistinguishedNames.AreEqual(Bc.IssuerDN, issuer.Bc.SubjectDN) && SignatureVerifiesWith(issuer.PublicKey);

    /// <summary>True when this certificate carries the given public key.</summary>
    public bool HasPublicKeyOf(KeyPair key) => PublicKey is { } mine && key.SamePublicKey(mine);

    public bool Equals(Certificate? other) =>
        other is not null && (ReferenceEquals(this, other) || (hashCode == other.hashCode && der.AsSpan().SequenceEqual(other.der)));

    public override bool Equals(object? obj) => obj is Certificate other && Equals(other);

    public override int GetHashCode() => hashCode;

    public override string ToString() => $"'{Subject}' (serial {SerialNumberHex})";

    /// <remarks>
    /// The last key checked and its verdict are kept: a chain is validated again at every sync and TLS connection with
    /// the same certificates, and a verdict is a pure function of the certificate and the key (RSA verification was
    /// about 7 % of a chaos run). Safe across threads: the remembered pair is replaced whole.
    /// </remarks>
    internal bool SignatureVerifiesWith(AsymmetricKeyParameter? key)
    {
        if (key is null)
        {
            return false;
        }
        if (lastVerification is { } last && (ReferenceEquals(last.Key, key) || last.Key.Equals(key)))
        {
            return last.Verifies;
        }
        bool verifies;
        try
        {
            Bc.Verify(key);
            verifies = true;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Any failure (bad signature, key of the wrong type, malformed parameters) means "does not verify".
            verifies = false;
        }
        lastVerification = new Verification(key, verifies);
        return verifies;
    }

    private static int? ReadPathLengthConstraint(X509Certificate certificate)
    {
        var bc = BasicConstraints.FromExtensions(certificate.CertificateStructure.TbsCertificate.Extensions);
        return bc is { } b && b.IsCA() && b.PathLenConstraint is { } p ? p.IntValueExact : null;
    }

    private static AsymmetricKeyParameter? ReadPublicKey(X509Certificate certificate, bool madeHere)
    {
        try
        {
            return madeHere ? RsaPrimalityTests.SkippedFor(certificate.GetPublicKey) : ParsedPublicKeys.Get(certificate, certificate.GetPublicKey);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null;
        }
    }

    private sealed record Verification(AsymmetricKeyParameter Key, bool Verifies);
}
