using ImpClusterSim.Domain.Time;

namespace ImpClusterSim.Domain.Intercluster;

/// <summary>What a cluster's Inter-cluster Peer Status panel showed for one peer at one time.</summary>
public sealed record ConvergenceObservation(SimInstant At, string LocalCluster, string PeerAddress, PeerStatusKind Shown);

/// <summary>A configured TLS peer entry expected to converge: <paramref name="LocalCluster"/>'s entry for <paramref name="PeerAddress"/>.</summary>
public sealed record ExpectedSecurePeer(string LocalCluster, string PeerAddress);
