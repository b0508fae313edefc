using ImpClusterSim.Scenarios.Language;

namespace ImpClusterSim.Scenarios.Live;

/// <summary>
/// What live mode cannot play, found before anything starts (docs/live.md, "Scenario files in live mode"): each refusal
/// names the element and where it is written (file:line:column) and why.
/// </summary>
public static class LiveSupport
{
    /// <summary>The faults live mode plays: partitions and heals, crash (kill -9) with restart, clock skew.</summary>
    public static readonly IReadOnlyList<string> Faults = ["partition", "heal", "crash", "clock-skew"];

    /// <summary>Every element of <paramref name="scenario"/> live mode cannot play; empty when it can play all of it.</summary>
    public static IReadOnlyList<string> Refusals(Scenario scenario)
    {
        var refusals = new List<string>();
        foreach (var f in scenario.Faults)
        {
            if (f.Action is Partition or Heal or Crash or ClockSkew) continue;
            refusals.Add($"{f.Span}: fault '{f.Action.Kind}' cannot be played live (live mode plays {string.Join(", ", Faults)}; " +
                         "link changes, node reboots, service kills and stops, FIPS self-test failures, name resolution and disk failures are sim only)");
        }

        if (scenario.Deployment.Settings.Network != NetworkDefaults.Default)
            refusals.Add($"{scenario.Span}: settings 'network' (latency, loss, duplication, reordering of the default link) are sim only: live node traffic crosses real TCP on loopback");

        foreach (var step in scenario.Steps)
        {
            if (step.Operation is MenuAction m && m.Args.TryGetValue("File", out var file) && file.Split('/') is [var source, _]
                && scenario.Deployment.Topology.FindNode(source) is not null)
                refusals.Add($"{step.Span}: a menu upload of a file downloaded from another node ('{file}') spans two node processes; live mode plays each step inside one node's process");
        }

        foreach (var (condition, span) in scenario.Expectations.Select(e => (e.Condition, e.Span)).Concat(scenario.Assumptions.Select(a => (a.Condition, a.Span))))
        {
            for (var c = condition; c is not null; c = (c as Not)?.Inner)
            {
                if (c is AcknowledgedChangesKept or Converged)
                    refusals.Add($"{span}: condition '{c.Kind}' (a chaos check over every node's state) is sim only");
            }
        }

        return refusals;
    }
}
