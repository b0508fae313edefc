using ImpClusterSim.Domain.Topology;

namespace ImpClusterSim.Live.Coordinator;

/// <summary>
/// A live deployment on one machine: the topology (and the file node processes read it from; null for an embedded
/// one, passed by name in <see cref="TopologyArgument"/>), the base port (the coordinator listens on it, node i of the
/// topology on base + 1 + i), the speed, the seed, where the SQLite files go, the host name to bind and advertise,
/// how long members may take to come Up, and how to start <c>impsim node</c>.
/// </summary>
public sealed record LiveDeploymentOptions(
    Deployment Topology,
    string TopologyArgument,
    int BasePort,
    double Speed,
    ulong Seed,
    string DataDirectory,
    NodeLaunch Launch)
{
    public string Hostname { get; init; } = "127.0.0.1";

    public TimeSpan UpWithin { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>With TLS: the directory of the run's certificates (<see cref="LiveTls"/>); null for plain TCP.</summary>
    public string? TlsDirectory { get; init; }

    /// <summary>
    /// A scenario file every node process loads (<c>impsim node --scenario</c>: the platform and a scenario agent, the
    /// deployment read from the file); null: node processes run the skeleton services of <see cref="TopologyArgument"/>.
    /// </summary>
    public string? ScenarioPath { get; init; }

    public IReadOnlyList<NodeSpec> Nodes => [.. Topology.Nodes];

    public int PortOf(string node)
    {
        var index = Nodes.Select(n => n.Name).ToList().IndexOf(node);
        return index < 0 ? throw new ArgumentException($"no node '{node}'") : BasePort + 1 + index;
    }
}
