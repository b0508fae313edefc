using ImpClusterSim.Node.Ports;

namespace ImpClusterSim.Scenarios.Runner;

/// <summary>
/// How to play a scenario: the seed and horizon (null: the scenario's own, else 1 and 24h), where the trace goes, who
/// else watches the trace (a timeline, a log), the replay command to report, and how often open checks are evaluated.
/// </summary>
public sealed record ScenarioRunOptions
{
    public ulong? Seed { get; init; }

    public TimeSpan? Until { get; init; }

    public Stream? Trace { get; init; }

    public IReadOnlyList<Action<TraceEvent>> Observers { get; init; } = [];

    public string? Replay { get; init; }

    /// <summary>Called once the nodes are started, before the first step (e.g. a test adding an actor to a node).</summary>
    public Action<Simulation.SimulationRun>? AtStart { get; init; }

    /// <summary>
    /// Told how far the run is (virtual time since the start, and the horizon) every hundredth of the horizon, from the
    /// loop; it must not touch the run. A terminal shows it as progress. Null: nothing is scheduled for it.
    /// </summary>
    public Action<TimeSpan, TimeSpan>? Progress { get; init; }

    /// <summary>Called at the horizon, before the run is torn down (e.g. to export every node's certificates).</summary>
    public Action<Simulation.SimulationRun>? AtEnd { get; init; }

    /// <summary>
    /// The durable-store port over each node's simulated disk (<see cref="Simulation.RunOptions.DiskPort"/>); null: the disk
    /// itself. Tests plant a broken storage rule here to show that chaos finds it.
    /// </summary>
    public Func<string, IDurableStore, IDurableStore>? DiskPort { get; init; }

    /// <summary>How often 'within' and 'always' checks are evaluated between steps (they are also evaluated after each step).</summary>
    public TimeSpan CheckInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Tests: the checks' read-only queries are asked of the node every time, and an answer the run would have taken from
    /// its memo (<see cref="SimRunHost.Query{T}"/>) that differs from the node's fails the run with an exception.
    /// </summary>
    internal bool VerifyQueryMemo { get; init; }
}
