namespace ImpClusterSim.Pki;

/// <summary>The key types a VOS node can hold. RSA-1024 exists only as a legacy, non-FIPS choice.</summary>
public enum KeyAlgorithm
{
    Rsa1024,
    Rsa2048,
    Rsa3072,
    Rsa4096,
    EcP256,
    EcP384,
}
