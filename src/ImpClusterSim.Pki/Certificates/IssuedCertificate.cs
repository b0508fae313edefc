namespace ImpClusterSim.Pki;

/// <summary>A certificate together with the key pair its public key belongs to.</summary>
public sealed record IssuedCertificate(Certificate Certificate, KeyPair Key);
