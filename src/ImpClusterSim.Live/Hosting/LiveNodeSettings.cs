using ImpClusterSim.Live.Ports;

namespace ImpClusterSim.Live;

/// <summary>
/// One node process: the node's name and cluster, whether it is its cluster's publisher, how its host system joins
/// (<see cref="LiveHostSettings"/>), where its SQLite file lives (<c>DataDirectory/NODE.db</c>), the run's time and seed.
/// </summary>
public sealed record LiveNodeSettings(
    string NodeName,
    string Cluster,
    bool IsPublisher,
    LiveHostSettings Host,
    string DataDirectory,
    LiveTime Time,
    ulong Seed)
{
    public string DatabasePath => Path.Combine(DataDirectory, NodeName + ".db");

    /// <summary>
    /// The process plays a scenario (<c>impsim node --scenario</c>): its scenario agent is registered just after the
    /// member is Up, and the control actor holds a step or probe that arrives before it (instead of answering that
    /// none plays).
    /// </summary>
    public bool PlaysScenario { get; init; }

    /// <summary>The cluster roles of the node's member: <c>node:NAME</c>, <c>cluster:CLUSTER</c>, <c>publisher</c> or <c>subscriber</c>.</summary>
    public static IReadOnlyList<string> RolesOf(string node, string cluster, bool isPublisher) =>
        [Network.NodeDirectory.NodeRolePrefix + node, Network.NodeDirectory.ClusterRolePrefix + cluster, isPublisher ? "publisher" : "subscriber"];
}
