namespace ImpClusterSim.Scenarios.Language;

/// <summary>Where an element of a scenario starts: its file and 1-based line and column.</summary>
public sealed record SourceSpan(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}
