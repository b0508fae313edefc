using ImpClusterSim.Domain.Topology;

namespace ImpClusterSim.Domain.Replication;

/// <summary>
/// What the publisher knows of one node when <c>utils dbreplication runtimestate</c> runs: whether it can reach it
/// now, and the last log sequence the node reported applying.
/// </summary>
public sealed record ReplicaObservation(NodeSpec Node, bool Reachable, long LastAppliedSequence, double PingMilliseconds = 0.1);
