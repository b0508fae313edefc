using ImpClusterSim.Domain.Services;

namespace ImpClusterSim.Scenarios.Language;

/// <summary>How a step's time was written: not at all (right after the previous step), <c>at:</c> or <c>after:</c>.</summary>
public enum StepTiming
{
    Next,
    At,
    After,
}

/// <summary>
/// One administrator action. <see cref="At"/> is its resolved time since the start (virtual): in a validated scenario
/// the earliest it can fall; once its time is drawn for a run (<c>Runner.StepTimes</c>), the time it is played.
/// <see cref="Target"/> is null only for <c>wait</c>. <see cref="Index"/> is 0-based in file order.
/// </summary>
public sealed record Step(int Index, string? Label, StepTiming Timing, TimeSpan At, Target? Target, Operation Operation, SourceSpan Span)
{
    /// <summary>
    /// The range its <c>at</c> or <c>after</c> was written as (<c>at: 37m..1h7m</c>), null for a fixed time: each run
    /// draws the step's time uniformly from it with its seed (docs/scenarios.md, "Seeded step times").
    /// </summary>
    public DurationRange? Range { get; init; }

    /// <summary>
    /// How much later than <see cref="At"/> the step can fall (virtual): its own range's width plus what the steps before
    /// it carry (a step right after, or <c>after:</c>, a drawn step moves with it), back to the last fixed <c>at</c>.
    /// Zero for a fixed time and once drawn.
    /// </summary>
    public TimeSpan Spread { get; init; }

    /// <summary>The latest time the step can fall (<see cref="At"/> + <see cref="Spread"/>).</summary>
    public TimeSpan Latest => At + Spread;

    /// <summary>Whether its time is drawn from a range of some width.</summary>
    public bool IsDrawn => Range is { } r && r.Max > r.Min;
}
