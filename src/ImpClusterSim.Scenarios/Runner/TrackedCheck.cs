using ImpClusterSim.Domain.Time;
using ImpClusterSim.Scenarios.Language;
using ImpClusterSim.Scenarios.Outcome;

namespace ImpClusterSim.Scenarios.Runner;

/// <summary>An expectation or assumption while the run plays: open until decided, with the last thing seen.</summary>
internal sealed class TrackedCheck(string name, CheckKind kind, CheckWindow window, Condition condition, SourceSpan span)
{
    public string Name { get; } = name;

    public CheckKind Kind { get; } = kind;

    public CheckWindow Window { get; } = window;

    public Condition Condition { get; } = condition;

    public SourceSpan Span { get; } = span;

    public bool Decided { get; private set; }

    public bool Passed { get; private set; }

    public SimInstant? DecidedAt { get; private set; }

    public string Detail { get; private set; } = "not evaluated";

    public Observation? Last { get; set; }

    public SimInstant? LastAt { get; set; }

    /// <summary>When the condition was first seen true in the window or after it (virtual time); null: not yet.</summary>
    public SimInstant? FirstHeldAt { get; set; }

    /// <summary>A 'within' check whose time-to-condition is still wanted: undecided, or failed and not yet seen true.</summary>
    public bool Watching => Window.Mode == CheckMode.Within && FirstHeldAt is null;

    public void Decide(bool passed, SimInstant at, string detail)
    {
        Decided = true;
        Passed = passed;
        DecidedAt = at;
        Detail = detail;
    }

    /// <summary>The outcome; <paramref name="start"/> and <paramref name="horizon"/> place the time-to-condition.</summary>
    public CheckOutcome ToOutcome(SimInstant start, TimeSpan horizon) => new(Name, Kind, Passed, DecidedAt, Detail, Span.File, Span.Line, Span.Column)
    {
        WindowFrom = Window.From,
        WindowTo = Window.To,
        Timing = Window.Mode == CheckMode.Within
            ? new ConditionTiming(Window.From, Window.AfterLabel, Window.To - Window.From, FirstHeldAt is { } at ? at - start - Window.From : null, horizon)
            : null,
    };
}
