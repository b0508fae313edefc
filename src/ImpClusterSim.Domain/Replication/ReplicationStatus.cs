using System.Collections.Immutable;
using ImpClusterSim.Domain.Cli;
using ImpClusterSim.Domain.Time;

namespace ImpClusterSim.Domain.Replication;

/// <summary>
/// Replication state per node for <c>utils dbreplication runtimestate</c> (domain facts §5.7, §5.8), run on the
/// publisher. Chosen mapping (docs/certificates.md): the publisher and a reachable node are Replicate_State 2
/// ("Connected"; a reachable node still applying changes shows them in REPL. QUEUE); an unreachable node (down or
/// cut off) is 3 "(3) Out Of Sync", RPC "No", status "Off-Line", with the changes it lacks as its queue.
/// </summary>
public static class ReplicationStatus
{
    public const string ConnectedStatus = "Connected";
    public const string OfflineStatus = "Off-Line";

    public static ReplicationNodeState StateOf(ReplicaObservation observation, ClusterTrustLog log)
    {
        var node = observation.Node;
        var lag = node.IsPublisher ? 0 : (int)Math.Min(int.MaxValue, log.LagOf(observation.LastAppliedSequence));
        if (node.IsPublisher || observation.Reachable)
        {
            return new ReplicationNodeState(node.Name, node.IpAddress, observation.PingMilliseconds, node.IsPublisher, 2,
                Rpc: true, Status: ConnectedStatus, ReplicationQueue: lag);
        }
        return new ReplicationNodeState(node.Name, node.IpAddress, 0, false, 3,
            Rpc: false, Status: OfflineStatus, ReplicationQueue: lag, TablesMatch: lag == 0, ReplicationLoop: false);
    }

    /// <summary>The whole report, rows in the order given (publisher first, as topology order has it).</summary>
    public static DbReplicationReport Report(string localServer, SimInstant startedAt, ClusterTrustLog log,
        IEnumerable<ReplicaObservation> observations) =>
        new(localServer, startedAt, [.. observations.Select(o => StateOf(o, log))]);
}
