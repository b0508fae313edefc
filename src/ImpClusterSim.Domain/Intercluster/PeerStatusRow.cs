using System.Collections.Immutable;
using ImpClusterSim.Domain.Time;

namespace ImpClusterSim.Domain.Intercluster;

/// <summary>One peer's row on the Inter-cluster Peer Status panel, as of the panel's last refresh.</summary>
public sealed record PeerStatusRow(
    string PeerAddress,
    PeerProtocol Protocol,
    PeerStatus CertificateStatus,
    ImmutableArray<PeerResultEntry> Results,
    int? AssociatedUsers,
    SimInstant? LastSynchronized)
{
    public static PeerStatusRow Of(PeerSyncState state) =>
        new(state.PeerAddress, state.Peer.Protocol, state.Status, state.Results, state.AssociatedUsers, state.LastSynchronized);
}
