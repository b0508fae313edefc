namespace ImpClusterSim.Scenarios.Language;

/// <summary>Something that must be true, and when; <see cref="Name"/> is optional and used in reports.</summary>
public sealed record Expectation(string? Name, CheckWindow When, Condition Condition, SourceSpan Span);
