namespace ImpClusterSim.Scenarios.Language;

/// <summary>How a step's time was written: not at all (right after the previous step), <c>at:</c> or <c>after:</c>.</summary>
public enum StepTiming
{
    Next,
    At,
    After,
}

/// <summary>
/// One administrator action. <see cref="At"/> is its resolved time since the start; <see cref="Target"/> is null only
/// for <c>wait</c>. <see cref="Index"/> is 0-based in file order.
/// </summary>
public sealed record Step(int Index, string? Label, StepTiming Timing, TimeSpan At, Target? Target, Operation Operation, SourceSpan Span);
