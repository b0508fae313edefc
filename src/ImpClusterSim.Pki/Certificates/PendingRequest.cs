namespace ImpClusterSim.Pki;

/// <summary>A CSR waiting for its CA-signed certificate, with the key it was made for.</summary>
public sealed record PendingRequest(CertificateUnit Unit, CertificateRequest Request, KeyPair Key, int Generation)
{
    /// <summary>"tomcat/tomcat.csr", as `show csr list own` names it.</summary>
    public string Path => $"{Unit.Name}/{Unit.Name}.csr";
}
