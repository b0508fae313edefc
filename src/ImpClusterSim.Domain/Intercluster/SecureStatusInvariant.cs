namespace ImpClusterSim.Domain.Intercluster;

/// <summary>
/// Invariant (a): no peer shows "Connection is secure" unless the peer's presented Tomcat chain validates against the
/// local tomcat-trust at the local node's clock (with the node's FIPS policy and, when given, the host name).
/// A status is the verdict of the last sync, so a run checks it against the chain that sync saw, right when the
/// sync completes (<see cref="SecureStatusSnapshot.Of"/>); between syncs the panel legitimately shows the last verdict.
/// </summary>
public static class SecureStatusInvariant
{
    public const string Name = "secure-status-validates";

    public static IReadOnlyList<InvariantViolation> Check(IEnumerable<SecureStatusSnapshot> snapshots)
    {
        var violations = new List<InvariantViolation>();
        foreach (var s in snapshots.Where(s => s.Status.Kind == PeerStatusKind.Secure))
        {
            if (s.PresentedChain.IsDefaultOrEmpty)
            {
                violations.Add(new InvariantViolation(Name, s.LocalClock,
                    $"{s.LocalCluster} shows \"{PeerStatus.SecureText}\" for {s.PeerAddress}, which presents no Tomcat certificate"));
                continue;
            }
            var options = Tls.ImpValidators.JavaPkix(s.LocalClock.ToDateTime()) with { Fips = s.LocalFips, RequireServerAuth = true, HostName = s.HostName };
            var result = Pki.ChainValidator.Validate(s.PresentedChain[0], s.PresentedChain.Skip(1), s.LocalTomcatTrust, options);
            if (!result.IsValid)
            {
                violations.Add(new InvariantViolation(Name, s.LocalClock,
                    $"{s.LocalCluster} shows \"{PeerStatus.SecureText}\" for {s.PeerAddress} but its chain is {result}"));
            }
        }
        return violations;
    }
}
