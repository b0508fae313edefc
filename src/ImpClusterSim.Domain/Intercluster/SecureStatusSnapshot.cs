using System.Collections.Immutable;
using ImpClusterSim.Domain.Time;
using ImpClusterSim.Pki;

namespace ImpClusterSim.Domain.Intercluster;

/// <summary>
/// What <see cref="SecureStatusInvariant"/> looks at for one peer of one cluster: the status, the Tomcat chain the
/// peer presents, the local publisher's tomcat-trust, its clock and FIPS mode, and the host name checked.
/// </summary>
public sealed record SecureStatusSnapshot(
    string LocalCluster,
    string PeerAddress,
    PeerStatus Status,
    ImmutableArray<Certificate> PresentedChain,
    TrustStore LocalTomcatTrust,
    SimInstant LocalClock,
    bool LocalFips,
    string? HostName = null)
{
    /// <summary>A snapshot of <paramref name="state"/> with the chain its last sync saw (take it when a sync completes).</summary>
    public static SecureStatusSnapshot Of(string localCluster, PeerSyncState state, TrustStore localTomcatTrust, SimInstant localClock,
        bool localFips, string? hostName = null) =>
        new(localCluster, state.PeerAddress, state.Status, state.LastPresentedChain, localTomcatTrust, localClock, localFips, hostName);
}
