using System.Collections.Immutable;
using ImpClusterSim.Domain.Time;
using ImpClusterSim.Node.Ports;

namespace ImpClusterSim.Scenarios.Outcome;

/// <summary>
/// Everything a played scenario leaves for people and tools: the figures, the checks with their outcome, the fault
/// windows and the trace events (the report's timeline plot is drawn from them).
/// </summary>
public sealed record ScenarioOutcome(
    string Scenario,
    string? GuideSection,
    ulong Seed,
    SimInstant Start,
    TimeSpan VirtualDuration,
    double WallSeconds,
    int Nodes,
    long MessagesDelivered,
    long MessagesDropped,
    string TraceHash,
    string Replay,
    ImmutableArray<CheckOutcome> Checks,
    ImmutableArray<FaultWindow> Faults,
    ImmutableArray<TraceEvent> Events)
{
    public bool Passed => Checks.Where(c => c.Kind == CheckKind.Expectation).All(c => c.Passed);

    /// <summary>
    /// "sim" (virtual time in one process: the seed replays it byte for byte) or "live" (node processes on
    /// Akka.Cluster in scaled wall time: not replayable, docs/live.md).
    /// </summary>
    public string Mode { get; init; } = "sim";

    /// <summary>
    /// Live mode: the node messages the node processes' network ports sent (the others were dropped, by a fault or to a
    /// node not Up; a sent one not delivered was in flight or lost with a killed process). Null in sim mode, whose
    /// simulated network delivers or drops every message sent.
    /// </summary>
    public long? MessagesSent { get; init; }

    /// <summary>Whether the seed replays the run (sim mode only).</summary>
    public bool Replayable => Mode == "sim";
}

/// <summary>An expectation (must hold: the run fails otherwise) or a named timing assumption (reported by name).</summary>
public enum CheckKind
{
    Expectation,
    Assumption,
}

/// <summary>
/// One check and how it ended: passed or not, when that was decided (virtual time), and a sentence that says why,
/// with where it is written in the scenario file.
/// </summary>
public sealed record CheckOutcome(
    string Name,
    CheckKind Kind,
    bool Passed,
    SimInstant? DecidedAt,
    string Detail,
    string File,
    int Line,
    int Column)
{
    /// <summary>
    /// When the check was open, as virtual time since the start: from <see cref="WindowFrom"/> to its deadline
    /// <see cref="WindowTo"/> ('at': both the instant; 'always': the horizon or its 'until' step). Null when unknown.
    /// </summary>
    public TimeSpan? WindowFrom { get; init; }

    /// <inheritdoc cref="WindowFrom"/>
    public TimeSpan? WindowTo { get; init; }

    /// <summary>
    /// For a check with <c>within</c> (and <c>after</c>): when its condition first held, whether or not that was by the
    /// deadline; null for other checks.
    /// </summary>
    public ConditionTiming? Timing { get; init; }
}

/// <summary>
/// Time-to-condition of a windowed check: <see cref="Anchor"/> is the start of its window (the 'after' step, or the
/// run's start) as virtual time since the start; <see cref="FirstHeld"/> is how long after the anchor the condition
/// was first seen true (virtual time), or null when it never held by <see cref="Horizon"/> (the run's end).
/// <see cref="Deadline"/> is the end of the window after the anchor ('within'). Conditions are evaluated after every
/// virtual instant at which something happened, after every step, and every check interval (docs/timing-studies.md).
/// </summary>
public sealed record ConditionTiming(TimeSpan Anchor, string? AnchorLabel, TimeSpan Deadline, TimeSpan? FirstHeld, TimeSpan Horizon)
{
    /// <summary>True when the condition never held by the horizon.</summary>
    public bool Never => FirstHeld is null;
}

/// <summary>A fault's window in virtual time (Until null: it lasted to the end of the run or was instantaneous).</summary>
public sealed record FaultWindow(string Label, string Kind, SimInstant From, SimInstant? Until);
