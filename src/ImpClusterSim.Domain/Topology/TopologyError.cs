namespace ImpClusterSim.Domain.Topology;

/// <summary>One problem in a topology file, at a 1-based line and column.</summary>
public sealed record TopologyError(string File, int Line, int Column, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}
