using System.Collections.Immutable;
using System.Globalization;
using ImpClusterSim.Domain.Time;
using ImpClusterSim.Scenarios.Language;
using ImpClusterSim.Scenarios.Outcome;

namespace ImpClusterSim.Scenarios.Runner;

/// <summary>
/// Evaluates the scenario's expectations and assumptions while the run plays: an 'at' check at its instant; a
/// 'within' check from its start, after every step and every <see cref="ScenarioRunOptions.CheckInterval"/>, until it
/// holds (passed then) or its deadline passes (failed, with the last value seen); an 'always' check on the same beat
/// until the horizon (or from its 'after' step to its 'until' step), failing at its first violation. Decisions are run
/// events ("check-passed", "check-failed").
/// Deadlines and 'at' instants are decided at the end of their virtual instant, after every other event of that instant
/// (<see cref="InstantEnd"/>): a condition that becomes true at the deadline holds, whatever the window's length.
/// Open and watched checks are also evaluated at the end of every instant at which the trace recorded something, so
/// the time-to-condition of a 'within' check (<see cref="ConditionTiming"/>) is the instant it became true; a 'within'
/// check that missed its deadline is still watched until its condition holds or the run ends ("never").
/// </summary>
internal sealed class CheckBoard
{
    private readonly RunContext _context;
    private readonly ConditionProbe _probe;
    private readonly TimeSpan _interval;
    private readonly TimeSpan _horizon;
    private readonly List<TrackedCheck> _checks = [];
    private readonly HashSet<string> _labelsDone = new(StringComparer.Ordinal);
    private SimInstant? _evaluationQueuedAt;
    private readonly List<TrackedCheck> _due = [];
    private Action? _tick; // the beat, made once (a run has thousands)

    public CheckBoard(RunContext context, ConditionProbe probe, TimeSpan horizon, TimeSpan interval)
    {
        _context = context;
        _probe = probe;
        _horizon = horizon;
        _interval = interval;
        var scenario = context.Scenario;
        foreach (var e in scenario.Expectations)
            _checks.Add(new TrackedCheck(e.Name ?? CheckNames.Describe(e.Condition, e.When), CheckKind.Expectation, e.When, e.Condition, e.Span));
        foreach (var a in scenario.Assumptions)
            _checks.Add(new TrackedCheck(a.Name, CheckKind.Assumption, a.When, a.Condition, a.Span));
    }

    private RunContext C => _context;

    private TimeSpan Elapsed => C.Host.Now - C.Start;

    public ImmutableArray<CheckOutcome> Outcomes => [.. _checks.Select(c => c.ToOutcome(C.Start, _horizon))];

    public void Schedule()
    {
        foreach (var check in _checks)
        {
            if (check.Window.From > _horizon) continue;
            switch (check.Window.Mode)
            {
                case CheckMode.At:
                    C.Host.At(C.Start + check.Window.From, () => C.Host.AtInstantEnd(() => Instant(check)));
                    break;
                case CheckMode.Within:
                    C.Host.At(C.Start + check.Window.From, () => Evaluate(check));
                    if (check.Window.To <= _horizon) C.Host.At(C.Start + check.Window.To, () => C.Host.AtInstantEnd(() => Deadline(check)));
                    break;
                default:
                    C.Host.At(C.Start + check.Window.From, () => Evaluate(check));
                    break;
            }
        }

        if (_checks.Any(c => c.Window.Mode != CheckMode.At)) C.Host.At(C.Start + _interval, _tick ??= Tick);
    }

    /// <summary>After each step: the open checks see its effect at once (a check 'after' a label opens once that step is done).</summary>
    public void AfterStep(Step step)
    {
        if (step.Label is { } label) _labelsDone.Add(label);
        foreach (var check in Open().Concat(Watched()).ToList()) Evaluate(check);
        // An 'always ... until: label' check has held if it is still undecided once its closing step has been played.
        foreach (var check in _checks.Where(c => !c.Decided && c.Window.Mode == CheckMode.Always && c.Window.UntilLabel == step.Label && step.Label is not null && Started(c)).ToList())
            Decide(check, true, $"held from {Clock(check.Window.From)} until '{step.Label}' at {Clock(Elapsed)} ({check.Last?.Seen ?? "never evaluated"})");
    }

    /// <summary>
    /// A trace observer: something happened at this instant, so the open and watched checks are evaluated at its end
    /// (after every event of the instant), once per instant (what the evaluation itself records does not queue another).
    /// </summary>
    public void Observe(Node.Ports.TraceEvent e)
    {
        if (_evaluationQueuedAt == C.Host.Now) return;
        if (!_checks.Any(StillEvaluated)) return;
        _evaluationQueuedAt = C.Host.Now;
        C.Host.AtInstantEnd(() =>
        {
            foreach (var check in Open().Concat(Watched()).ToList()) Evaluate(check);
        });
    }

    /// <summary>At the horizon: an invariant never violated holds; anything else still open did not.</summary>
    public void Finish()
    {
        foreach (var check in Watched().ToList()) Evaluate(check);
        foreach (var check in _checks.Where(c => !c.Decided))
        {
            switch (check.Window.Mode)
            {
                case CheckMode.Always:
                    Evaluate(check);
                    if (!check.Decided) Decide(check, true, $"held throughout ({check.Last?.Seen ?? "never evaluated"})");
                    break;
                case CheckMode.Within when check.Window.From <= Elapsed:
                    Deadline(check, $"the run ended at {Clock(Elapsed)} before the deadline {Clock(check.Window.To)}");
                    break;
                default:
                    Decide(check, false, $"not evaluated: the run ended at {Clock(Elapsed)}, before {Clock(check.Window.From)}");
                    break;
            }
        }
    }

    private IEnumerable<TrackedCheck> Open()
    {
        var elapsed = Elapsed;
        return _checks.Where(c => IsOpen(c, elapsed));
    }

    /// <summary>'within' checks that missed their deadline and whose condition has not been seen true yet.</summary>
    private IEnumerable<TrackedCheck> Watched() => _checks.Where(IsWatched);

    private bool IsOpen(TrackedCheck c, TimeSpan elapsed) =>
        !c.Decided && c.Window.Mode != CheckMode.At && c.Window.From <= elapsed && elapsed <= c.Window.To && Started(c);

    private static bool IsWatched(TrackedCheck c) => c.Decided && c.Watching;

    /// <summary>A check the beat and the end of an instant still evaluate: not an 'at' check, and undecided or watched.</summary>
    private static bool StillEvaluated(TrackedCheck c) => c.Window.Mode != CheckMode.At && (!c.Decided || c.Watching);

    private bool Started(TrackedCheck c) => c.Window.AfterLabel is not { } label || _labelsDone.Contains(label);

    private void Tick()
    {
        // Every beat of every run (8,640 in a simulated day): the open checks, then the watched ones, as Open() and
        // Watched() give them, without building the queries.
        _due.Clear();
        var elapsed = Elapsed;
        foreach (var c in _checks)
            if (IsOpen(c, elapsed)) _due.Add(c);
        foreach (var c in _checks)
            if (IsWatched(c)) _due.Add(c);
        foreach (var check in _due) Evaluate(check);
        if (_checks.Exists(StillEvaluated)) C.Host.At(C.Host.Now + _interval, _tick ??= Tick);
    }

    private void Instant(TrackedCheck check)
    {
        var o = _probe.Evaluate(check.Condition);
        Decide(check, o.Holds, $"{(o.Holds ? "held" : "did not hold")} at {Clock(Elapsed)}: {o.Seen}");
    }

    private void Evaluate(TrackedCheck check)
    {
        if (!Started(check)) return;
        if (check.Decided)
        {
            if (check.Watching) Watch(check);
            return;
        }

        var o = _probe.Evaluate(check.Condition);
        check.Last = o;
        check.LastAt = C.Host.Now;
        if (check.Window.Mode == CheckMode.Within && o.Holds) check.FirstHeldAt = C.Host.Now;
        if (check.Window.Mode == CheckMode.Within && o.Holds)
            Decide(check, true, $"held at {Clock(Elapsed)}{After(check)}: {o.Seen}");
        else if (check.Window.Mode == CheckMode.Always && !o.Holds)
            Decide(check, false, $"violated at {Clock(Elapsed)}: {o.Seen}");
    }

    /// <summary>A 'within' check past its deadline: the first instant its condition holds is its time-to-condition.</summary>
    private void Watch(TrackedCheck check)
    {
        var o = _probe.Evaluate(check.Condition);
        if (!o.Holds) return;
        check.FirstHeldAt = C.Host.Now;
        C.Record(RunContext.ScenarioNode, "condition-held-late", ("check", check.Name),
            ("detail", $"first held at {Clock(Elapsed)}{After(check)}, after the deadline {Clock(check.Window.To)}: {o.Seen}"));
    }

    private void Deadline(TrackedCheck check) => Deadline(check, null);

    private void Deadline(TrackedCheck check, string? why)
    {
        Evaluate(check);
        if (check.Decided) return;
        var seen = check.Last is { } last ? $"{last.Seen} at {Clock(check.LastAt!.Value - C.Start)}" : "never evaluated";
        Decide(check, false, why is null
            ? $"not by the deadline {Clock(check.Window.To)}{Since(check)}: {seen}"
            : $"{why}: {seen}");
    }

    private string After(TrackedCheck check) =>
        check.Window.AfterLabel is { } label ? $" ({DurationText.Format(Elapsed - check.Window.From)} after '{label}')" : "";

    private static string Since(TrackedCheck check) =>
        check.Window.AfterLabel is { } label ? $" ({DurationText.Format(check.Window.To - check.Window.From)} after '{label}')" : "";

    private void Decide(TrackedCheck check, bool passed, string detail)
    {
        check.Decide(passed, C.Host.Now, detail);
        var @event = check.Kind == CheckKind.Expectation
            ? passed ? "check-passed" : "check-failed"
            : passed ? "assumption-held" : "assumption-broken";
        C.Record(RunContext.ScenarioNode, @event, ("check", check.Name), ("detail", detail));
    }

    /// <summary>Time since the start as hh:mm:ss (days counted in the hours).</summary>
    public static string Clock(TimeSpan t) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours:00}:{t.Minutes:00}:{t.Seconds:00}");
}
