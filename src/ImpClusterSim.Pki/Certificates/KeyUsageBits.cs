using Org.BouncyCastle.Asn1.X509;

namespace ImpClusterSim.Pki;

/// <summary>The key-usage sets this library puts in certificates.</summary>
internal static class KeyUsageBits
{
    /// <summary>Domain facts §3.2.5: Digital Signature, Key Encipherment, Data Encipherment.</summary>
    public const int TlsLeaf = KeyUsage.DigitalSignature | KeyUsage.KeyEncipherment | KeyUsage.DataEncipherment;

    public const int CertificateAuthority = KeyUsage.KeyCertSign | KeyUsage.CrlSign | KeyUsage.DigitalSignature;

    /// <summary>For the wrong-key-usage fault: a usage no TLS server may present.</summary>
    public const int WrongForTls = KeyUsage.CrlSign;

    public static readonly IReadOnlyList<KeyPurposeID> ServerAndClient = [KeyPurposeID.id_kp_serverAuth, KeyPurposeID.id_kp_clientAuth];
}
