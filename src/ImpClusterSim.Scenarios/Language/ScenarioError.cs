namespace ImpClusterSim.Scenarios.Language;

/// <summary>One problem in a scenario file, at a 1-based line and column.</summary>
public sealed record ScenarioError(string File, int Line, int Column, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}
