namespace ImpClusterSim.Domain.Intercluster;

/// <summary>
/// A peer's Certificate Status and the exact text the Inter-cluster Peer Status panel shows. Sourced wording:
/// "Connection is secure" (seed), "Not reachable (...)" (TAC 217581), "Failed" (§1.1.9), "out-of-sync" (§1.4.4);
/// the full out-of-sync, FIPS, validation and TCP texts are chosen (docs/intercluster.md).
/// </summary>
public sealed record PeerStatus(PeerStatusKind Kind, string Text)
{
    public const string SecureText = "Connection is secure";
    public const string FailedText = "Failed";
    public const string NotReachableText =
        "Not reachable (Check peer address is valid, AXL is running on peer and AXL username/password credentials are valid)";
    public const string OutOfSyncText =
        "Certificate out-of-sync (peer's Tomcat certificate has changed: use Force Manual Sync with 'Also resync peer's Tomcat certificates')";
    public const string TcpConnectedText = "Connected (TCP: certificates are not exchanged)";
    public const string LocalFipsPeerNotText = "Certificates not exchanged: this cluster is in FIPS mode and the peer is not";
    public const string PeerFipsLocalNotText = "Certificates not exchanged: the peer is in FIPS mode and this cluster is not";
    public const string ValidationFailedPrefix = "Certificate validation failed: ";

    public static PeerStatus Failed { get; } = new(PeerStatusKind.Failed, FailedText);

    public static PeerStatus Secure { get; } = new(PeerStatusKind.Secure, SecureText);

    public static PeerStatus TcpConnected { get; } = new(PeerStatusKind.TcpConnected, TcpConnectedText);

    public static PeerStatus NotReachable { get; } = new(PeerStatusKind.NotReachable, NotReachableText);

    public static PeerStatus OutOfSync { get; } = new(PeerStatusKind.OutOfSync, OutOfSyncText);

    public static PeerStatus FipsMismatch(bool localFips) =>
        new(PeerStatusKind.FipsMismatch, localFips ? LocalFipsPeerNotText : PeerFipsLocalNotText);

    /// <summary>"Certificate validation failed: " and the Pki reasons joined with "; ".</summary>
    public static PeerStatus ValidationFailed(IEnumerable<string> reasons) =>
        new(PeerStatusKind.ValidationFailed, ValidationFailedPrefix + string.Join("; ", reasons));

    /// <summary>True for the statuses of a successful sync (the panel's check mark, "Last Synchronized Time").</summary>
    public bool IsSuccess => Kind is PeerStatusKind.Secure or PeerStatusKind.TcpConnected;

    public override string ToString() => Text;
}
