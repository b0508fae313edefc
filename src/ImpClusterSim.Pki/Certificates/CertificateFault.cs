namespace ImpClusterSim.Pki;

/// <summary>Deliberate defects a scenario CA can put into a certificate it issues.</summary>
public enum CertificateFault
{
    None,

    /// <summary>Valid from two years before the issue time until one day before it.</summary>
    Expired,

    /// <summary>Valid only from 30 days after the issue time.</summary>
    NotYetValid,

    /// <summary>Key usage CRL Sign only and EKU Code Signing only: unusable for TLS.</summary>
    WrongKeyUsage,

    /// <summary>The certificate carries an RSA-1024 key instead of the requested one.</summary>
    WeakKey,

    /// <summary>Signed with SHA-1.</summary>
    Sha1Signature,

    /// <summary>The SAN names "wrong-&lt;first name&gt;" instead of the requested names.</summary>
    WrongSan,
}
