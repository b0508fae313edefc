using System.Globalization;
using Org.BouncyCastle.Asn1.X509;

namespace ImpClusterSim.Pki;

/// <summary>
/// A scenario CA (a root or an intermediate) that issues certificates. Each issued certificate's serial and
/// signature randomness are derived from the CA's seed and the certificate's own names, key and time, so the
/// certificates do not depend on the order in which a run asks for them.
/// </summary>
public sealed class CertificateAuthority
{
    private static readonly TimeSpan DefaultLeafValidity = TimeSpan.FromDays(730);

    private CertificateAuthority(string seed, Certificate certificate, KeyPair key, CertificateAuthority? parent)
    {
        Seed = seed;
        Certificate = certificate;
        Key = key;
        Parent = parent;
    }

    public string Seed { get; }

    public Certificate Certificate { get; }

    public KeyPair Key { get; }

    /// <summary>The CA that signed this one; null for a root.</summary>
    public CertificateAuthority? Parent { get; }

    public string CommonName => Certificate.SubjectCommonName;

    /// <summary>This CA's certificate and its parents', this one first, the root last.</summary>
    public IReadOnlyList<Certificate> Chain
    {
        get
        {
            var chain = new List<Certificate>();
            for (var ca = this; ca is not null; ca = ca.Parent)
            {
                chain.Add(ca.Certificate);
            }
            return chain;
        }
    }

    /// <summary>The root at the top of this CA's chain.</summary>
    public CertificateAuthority Root => Parent?.Root ?? this;

    /// <summary>A self-signed root CA valid from <paramref name="notBefore"/> for <paramref name="validityYears"/> years.</summary>
    public static CertificateAuthority CreateRoot(string seed, string commonName, KeyPair key, DateTime notBefore,
        int validityYears = 10, int? pathLength = null, SignatureHash hash = SignatureHash.Sha256)
    {
        var name = DistinguishedNames.Build(commonName);
        var template = new CertificateTemplate(name, name, key.Public, key.Private, key.Public, notBefore,
            notBefore.AddYears(validityYears), hash, true, pathLength, KeyUsageBits.CertificateAuthority, [], []);
        var certificate = CertificateBuilder.Build(template, DeterministicRandom.For("root", seed, commonName, key.PublicKeyFingerprint, Ticks(notBefore)));
        return new CertificateAuthority(seed, certificate, key, null);
    }

    /// <summary>An intermediate CA signed by this CA, with an optional path-length constraint.</summary>
    public CertificateAuthority CreateIntermediate(string commonName, KeyPair key, DateTime notBefore, int validityYears = 5,
        int? pathLength = null, SignatureHash hash = SignatureHash.Sha256)
    {
        var template = new CertificateTemplate(DistinguishedNames.Build(commonName), Certificate.Bc.SubjectDN, key.Public,
            Key.Private, Key.Public, notBefore, notBefore.AddYears(validityYears), hash, true, pathLength,
            KeyUsageBits.CertificateAuthority, [], []);
        var certificate = CertificateBuilder.Build(template,
            DeterministicRandom.For("intermediate", Seed, CommonName, commonName, key.PublicKeyFingerprint, Ticks(notBefore)));
        return new CertificateAuthority(Seed, certificate, key, this);
    }

    /// <summary>
    /// Signs a CSR: the certificate copies the CSR's subject and SAN dNSNames and carries its public key, with the
    /// TLS key usage and server+client EKU. <see cref="CertificateFault.WeakKey"/> cannot apply (the key is the
    /// CSR's): make the CSR with an RSA-1024 key instead.
    /// </summary>
    /// <param name="hash">The hash the CA signs with; null: SHA-256 (SHA-1 with <see cref="CertificateFault.Sha1Signature"/>).
    /// A scenario's leaf spec (`signature-hash`) sets it.</param>
    public Certificate Issue(CertificateRequest request, DateTime notBefore, TimeSpan? validity = null,
        CertificateFault fault = CertificateFault.None, SignatureHash? hash = null)
    {
        if (fault == CertificateFault.WeakKey)
        {
            throw new ArgumentException("a CSR-based certificate carries the CSR's key: make a weak-key CSR (RSA-1024) instead", nameof(fault));
        }
        if (!request.SignatureIsValid())
        {
            throw new ArgumentException("the CSR's signature does not verify", nameof(request));
        }
        return Sign(request.SubjectName, request.DnsNames, request.PublicKey, KeyPair.FingerprintOf(request.PublicKey), notBefore,
            validity ?? DefaultLeafValidity, fault, hash);
    }

    /// <summary>Issues a TLS leaf for a key directly (no CSR), with an optional fault.</summary>
    public IssuedCertificate IssueLeaf(string commonName, IEnumerable<string> dnsNames, KeyPair key, DateTime notBefore,
        TimeSpan? validity = null, CertificateFault fault = CertificateFault.None)
    {
        var subjectKey = fault == CertificateFault.WeakKey ? KeyPool.Shared.Get($"{key.KeyId}/weak", KeyAlgorithm.Rsa1024) : key;
        var certificate = Sign(DistinguishedNames.Build(commonName), dnsNames.ToArray(), subjectKey.Public, subjectKey.PublicKeyFingerprint,
            notBefore, validity ?? DefaultLeafValidity, fault);
        return new IssuedCertificate(certificate, subjectKey);
    }

    private Certificate Sign(X509Name subject, IReadOnlyList<string> dnsNames, Org.BouncyCastle.Crypto.AsymmetricKeyParameter publicKey,
        string keyFingerprint, DateTime notBefore, TimeSpan validity, CertificateFault fault, SignatureHash? chosenHash = null)
    {
        var (from, to) = fault switch
        {
            CertificateFault.Expired => (notBefore.AddYears(-2), notBefore.AddDays(-1)),
            CertificateFault.NotYetValid => (notBefore.AddDays(30), notBefore.AddDays(30) + validity),
            _ => (notBefore, notBefore + validity),
        };
        var names = fault == CertificateFault.WrongSan
            ? [$"wrong-{(dnsNames.Count > 0 ? dnsNames[0] : DistinguishedNames.CommonName(subject))}"]
            : dnsNames;
        var usage = fault == CertificateFault.WrongKeyUsage ? KeyUsageBits.WrongForTls : KeyUsageBits.TlsLeaf;
        IReadOnlyList<KeyPurposeID> eku = fault == CertificateFault.WrongKeyUsage ? [KeyPurposeID.id_kp_codeSigning] : KeyUsageBits.ServerAndClient;
        var hash = chosenHash ?? (fault == CertificateFault.Sha1Signature ? SignatureHash.Sha1 : SignatureHash.Sha256);
        var template = new CertificateTemplate(subject, Certificate.Bc.SubjectDN, publicKey, Key.Private, Key.Public, from, to,
            hash, false, null, usage, eku, names);
        var random = DeterministicRandom.For(["leaf", Seed, CommonName, subject.ToString(), keyFingerprint, Ticks(notBefore),
            fault.ToString(), .. names, .. (chosenHash is { } h ? [h.ToString()] : Array.Empty<string>())]);
        return CertificateBuilder.Build(template, random);
    }

    private static string Ticks(DateTime time) => time.Ticks.ToString(CultureInfo.InvariantCulture);

    public override string ToString() => $"CA '{Certificate.Subject}'";
}
