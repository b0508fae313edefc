using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;

namespace ImpClusterSim.Pki;

/// <summary>Everything that goes into one certificate; <see cref="CertificateBuilder"/> turns it into DER.</summary>
internal sealed record CertificateTemplate(
    X509Name Subject,
    X509Name Issuer,
    AsymmetricKeyParameter SubjectPublicKey,
    AsymmetricKeyParameter SigningKey,
    AsymmetricKeyParameter IssuerPublicKey,
    DateTime NotBefore,
    DateTime NotAfter,
    SignatureHash Hash,
    bool IsCertificateAuthority,
    int? PathLength,
    int KeyUsageBits,
    IReadOnlyList<KeyPurposeID> ExtendedKeyUsages,
    IReadOnlyList<string> DnsNames);
