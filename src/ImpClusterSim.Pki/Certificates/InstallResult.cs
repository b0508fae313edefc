namespace ImpClusterSim.Pki;

/// <summary>The outcome of uploading a CA-signed certificate for a unit: the new store and the message shown.</summary>
public sealed record InstallResult(OwnCertificateStore Store, bool Installed, string Message);
