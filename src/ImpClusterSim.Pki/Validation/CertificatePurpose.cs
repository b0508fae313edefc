namespace ImpClusterSim.Pki;

/// <summary>What a leaf certificate is validated for (OpenSSL's -purpose sslserver / sslclient / any).</summary>
public enum CertificatePurpose
{
    /// <summary>No usage is required.</summary>
    Any,

    /// <summary>TLS server: EKU id-kp-serverAuth (1.3.6.1.5.5.7.3.1) or anyExtendedKeyUsage when EKU is present.</summary>
    Server,

    /// <summary>TLS client: EKU id-kp-clientAuth (1.3.6.1.5.5.7.3.2) or anyExtendedKeyUsage when EKU is present.</summary>
    Client,
}
