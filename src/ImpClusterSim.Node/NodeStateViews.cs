namespace ImpClusterSim.Node;

/// <summary>
/// Change counters of what people can look at on a node: its certificates and trust stores (the Cisco Unified OS
/// Administration certificate pages), the Cisco Intercluster Sync Agent's peer states, and its FIPS state. The actor
/// that owns a view counts one change each time it replaces the immutable state it answers that query from (<see cref="Runtime.QueryCertificates"/>, <see cref="Runtime.QueryPeerStates"/>,
/// <see cref="Runtime.QueryFips"/>), so a reader in the same process (sim mode's always-on checks, on the loop thread)
/// asks again only when a counter moved: an unchanged counter means the same answer, by reference. Counters only: no
/// state is read through this object. One per incarnation (a restarted node has new counters); not thread-safe, as the
/// actors of a node in sim mode run on the one loop thread.
/// </summary>
public sealed class NodeStateViews
{
    /// <summary>Changes of the node's certificates and trust stores (the database's <c>NodeCertificates</c>).</summary>
    public long Certificates { get; private set; }

    /// <summary>
    /// Changes of the Cisco Intercluster Sync Agent's peer states (IM&amp;P nodes; <see cref="Runtime.QueryPeerStates"/>).
    /// The Inter-cluster Peer Status panel has no counter: it refreshes on its own grid of time when looked at
    /// (<see cref="Runtime.QueryPeerStatus"/> is asked every time).
    /// </summary>
    public long PeerStates { get; private set; }

    /// <summary>Changes of the node's FIPS 140-2 state (mode, run state, self-test outcome).</summary>
    public long Fips { get; private set; }

    /// <summary>
    /// Moves whenever any counter above moves (their sum: each only grows). With the object itself, which is new at every
    /// incarnation, it stamps everything a reader can ask of the node's counted views.
    /// </summary>
    public long Version => Certificates + PeerStates + Fips;

    internal void CertificatesChanged() => Certificates++;

    internal void PeerStatesChanged() => PeerStates++;

    internal void FipsChanged() => Fips++;
}
