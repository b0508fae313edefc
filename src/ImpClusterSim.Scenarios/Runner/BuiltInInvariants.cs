using ImpClusterSim.Domain.Time;
using ImpClusterSim.Node.Ports;
using ImpClusterSim.Scenarios.Language;
using ImpClusterSim.Scenarios.Outcome;

namespace ImpClusterSim.Scenarios.Runner;

/// <summary>
/// Checks every run makes whatever its scenario says, because a simulator that breaks them is wrong, not the
/// scenario: the platform's own invariant checks (traced as <c>invariant-violation</c>: a "Connection is secure" whose
/// chain does not validate, a certificate exchanged between a FIPS and a non-FIPS side) and replay (no work from
/// outside the loop thread). A violation fails the run at the first instant it happened.
/// </summary>
internal static class BuiltInInvariants
{
    public const string PlatformInvariantsName = "the platform's invariants held (secure only with a validating chain, no FIPS/non-FIPS exchange)";
    public const string LoopThreadName = "the run stayed on the loop thread (deterministic)";
    public const string ActorFailureName = "no actor failed";

    /// <summary>At most this many actor failures get a check line of their own; one more line counts the rest.</summary>
    public const int MaxFailureLines = 10;

    /// <summary>
    /// One failing check per actor failure (an exception in any actor, or an escalation past a node's guardian), naming
    /// the node, the actor path, the virtual time and the exception's message: the run fails whatever the scenario says.
    /// </summary>
    public static IEnumerable<CheckOutcome> Check(IReadOnlyList<Simulation.ActorFailure> failures, Scenario scenario)
    {
        var at = scenario.Span;
        foreach (var f in failures.Take(MaxFailureLines))
            yield return new CheckOutcome(ActorFailureName, CheckKind.Expectation, false, f.Time,
                $"on {f.Node} at {f.Time}, actor {f.ActorPath}: {f.Message}", at.File, at.Line, at.Column);
        if (failures.Count > MaxFailureLines)
            yield return new CheckOutcome(ActorFailureName, CheckKind.Expectation, false, failures[MaxFailureLines].Time,
                $"{failures.Count - MaxFailureLines} more actor failure(s) after these (all are in the trace as actor-failed)", at.File, at.Line, at.Column);
    }

    public static IEnumerable<CheckOutcome> Check(IReadOnlyList<TraceEvent> events, long foreignWork, SimInstant end, Scenario scenario)
    {
        var at = scenario.Span;
        var first = events.FirstOrDefault(e => e.Event == "invariant-violation");
        if (first is not null)
        {
            var count = events.Count(e => e.Event == "invariant-violation");
            var detail = string.Join("; ", first.Details.Select(d => d.Value));
            yield return new CheckOutcome(PlatformInvariantsName, CheckKind.Expectation, false, first.Time,
                $"{count} violation(s); the first on {first.Node} at {first.Time}: {detail}", at.File, at.Line, at.Column);
        }
        if (foreignWork > 0)
        {
            // Work from outside the loop thread means the run may not replay: the run fails, whatever the scenario says.
            yield return new CheckOutcome(LoopThreadName, CheckKind.Expectation, false, end,
                $"{foreignWork} work items arrived from outside the loop thread", at.File, at.Line, at.Column);
        }
    }
}
