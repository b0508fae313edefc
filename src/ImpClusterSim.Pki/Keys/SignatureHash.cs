namespace ImpClusterSim.Pki;

/// <summary>The hash of a certificate or CSR signature (the VOS CSR page offers SHA1 and SHA256).</summary>
public enum SignatureHash
{
    Sha1,
    Sha256,
    Sha384,
    Sha512,
}
