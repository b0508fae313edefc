namespace ImpClusterSim.Scenarios.Language;

/// <summary>
/// A named timing assumption ("peers secure within 20 minutes of the CA upload"): like an expectation, but its outcome
/// is reported by name (held / did not hold, and when the condition first became true) instead of failing the run.
/// </summary>
public sealed record Assumption(string Name, CheckWindow When, Condition Condition, SourceSpan Span);
