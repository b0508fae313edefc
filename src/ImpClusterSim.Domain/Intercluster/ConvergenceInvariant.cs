using ImpClusterSim.Domain.Time;

namespace ImpClusterSim.Domain.Intercluster;

/// <summary>
/// Invariant (c), liveness: after the faults heal at <c>healedAt</c> and nothing else changes, every expected TLS
/// peer entry (both sides configured, same FIPS mode, certificates that validate or can be bootstrapped) shows
/// "Connection is secure" on its panel no later than <c>healedAt + bound</c>, where the bound is
/// <see cref="IcsaTimings.ConvergenceBound"/> (periodic interval + retry + panel refresh), and it still shows it at
/// the last observation.
/// </summary>
public static class ConvergenceInvariant
{
    public const string Name = "intercluster-convergence";

    public static IReadOnlyList<InvariantViolation> Check(IEnumerable<ExpectedSecurePeer> expected, IEnumerable<ConvergenceObservation> observations,
        SimInstant healedAt, IcsaTimings timings)
    {
        var bound = timings.ConvergenceBound;
        var deadline = healedAt + bound;
        var seen = observations.Where(o => o.At >= healedAt).OrderBy(o => o.At).ToArray();
        var violations = new List<InvariantViolation>();
        foreach (var pair in expected.OrderBy(p => p.LocalCluster, StringComparer.Ordinal).ThenBy(p => p.PeerAddress, StringComparer.OrdinalIgnoreCase))
        {
            var mine = seen.Where(o => o.LocalCluster == pair.LocalCluster
                && string.Equals(o.PeerAddress, pair.PeerAddress, StringComparison.OrdinalIgnoreCase)).ToArray();
            var firstSecure = mine.FirstOrDefault(o => o.Shown == PeerStatusKind.Secure);
            if (firstSecure is null || firstSecure.At > deadline)
            {
                violations.Add(new InvariantViolation(Name, deadline,
                    $"{pair.LocalCluster}'s peer {pair.PeerAddress} did not show \"{PeerStatus.SecureText}\" within {Time.DurationText.Format(bound)} " +
                    $"of the heal at {healedAt}" + (firstSecure is null ? "" : $" (first at {firstSecure.At})")));
                continue;
            }
            if (mine[^1].Shown != PeerStatusKind.Secure)
            {
                violations.Add(new InvariantViolation(Name, mine[^1].At,
                    $"{pair.LocalCluster}'s peer {pair.PeerAddress} reached \"{PeerStatus.SecureText}\" at {firstSecure.At} but later showed {mine[^1].Shown}"));
            }
        }
        return violations;
    }
}
