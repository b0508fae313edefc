namespace ImpClusterSim.Scenarios.Language;

/// <summary>
/// A fault that strikes at <see cref="At"/> (since the start); with a window (<c>for</c> or <c>until</c>) it is undone
/// at <see cref="Until"/>. <see cref="Id"/> names it for a later <c>heal</c>.
/// </summary>
public sealed record Fault(string? Id, TimeSpan At, TimeSpan? Until, FaultAction Action, SourceSpan Span);
