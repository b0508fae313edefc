namespace ImpClusterSim.Simulation.Randomness;

/// <summary>The random streams of one node: independent of every other node's and of the run-wide streams.</summary>
public sealed class NodeRandomness
{
    private readonly RunRandomness _run;

    internal NodeRandomness(RunRandomness run, string node)
    {
        _run = run;
        Node = node;
    }

    public string Node { get; }

    /// <summary>This node's stream for <paramref name="purpose"/>, e.g. "service-durations" or "key-generation".</summary>
    public SeededRandom Stream(string purpose) => _run.Get(["node", Node, purpose]);
}
