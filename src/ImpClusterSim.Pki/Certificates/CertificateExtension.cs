namespace ImpClusterSim.Pki;

/// <summary>An extension present in a certificate: its OID, its name, and whether it is critical.</summary>
public sealed record CertificateExtension(string Oid, string Name, bool Critical);
