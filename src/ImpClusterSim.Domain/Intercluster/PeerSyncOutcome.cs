using System.Collections.Immutable;
using ImpClusterSim.Domain.Time;

namespace ImpClusterSim.Domain.Intercluster;

/// <summary>
/// The result of one sync attempt: the peer's new state, the certificates to import into the local publisher's
/// stores (in import order), the alarms raised and when the next sync is due.
/// </summary>
public sealed record PeerSyncOutcome(
    PeerSyncState State,
    ImmutableArray<CertificateImport> Imports,
    ImmutableArray<IcsaAlarm> Alarms,
    SimInstant NextSyncDue)
{
    public PeerStatus Status => State.Status;
}
