namespace ImpClusterSim.Domain.Intercluster;

/// <summary>
/// One result entry of a peer's last sync, shown with a check mark when it passed and as an error when not
/// (domain facts §1.4.2, §1.4.3). Names: "Peer Connectivity Test" (TAC 217581), "Certificate Status",
/// "Associated Users" (the guide).
/// </summary>
public sealed record PeerResultEntry(string Name, bool Passed, string Detail)
{
    public const string PeerConnectivityTest = "Peer Connectivity Test";
    public const string CertificateStatus = "Certificate Status";
    public const string AssociatedUsers = "Associated Users";
}
