namespace ImpClusterSim.Simulation.Network;

/// <summary>Switches of a <see cref="SimulatedNetwork"/>.</summary>
public sealed record NetworkOptions
{
    /// <summary>
    /// Trace every delivery and drop as its own event (for debugging small runs). Off by default: a long run has
    /// millions of messages, which the <see cref="SimulatedNetwork.DeliveryDigest"/> summarises instead.
    /// </summary>
    public bool TraceMessages { get; init; }

    /// <summary>Node name used on the network's own trace events.</summary>
    public string TraceNode { get; init; } = "network";

    /// <summary>Actor-path-like path used on the network's own trace events.</summary>
    public string TracePath { get; init; } = "/network";
}
