using System.Text.RegularExpressions;
using ImpClusterSim.Domain.Topology;
using ImpClusterSim.Scenarios.Outcome;

namespace ImpClusterSim.Scenarios.Chaos;

/// <summary>
/// What a failure is, for comparing failures of different schedules (docs/chaos.md, "Signatures"): the check that
/// failed first and the nodes its finding names, in ordinal order. Two runs fail "the same way" when their signatures
/// are equal, whatever the exact trace. Written <c>check @ node,node</c>.
/// </summary>
public sealed record FailureSignature(string Check, string Nodes)
{
    public override string ToString() => Nodes.Length == 0 ? Check : $"{Check} @ {Nodes}";

    /// <summary>The signature of the first failing expectation (by when it was decided, then name), or null if none failed.</summary>
    public static FailureSignature? Of(ScenarioOutcome outcome, Deployment topology)
    {
        var failed = outcome.Checks
            .Where(c => c.Kind == CheckKind.Expectation && !c.Passed)
            .OrderBy(c => c.DecidedAt?.UtcTicks ?? long.MaxValue)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        return failed is null ? null : new FailureSignature(failed.Name, NodesIn(failed.Detail, topology));
    }

    /// <summary>The node names a finding mentions (whole words), ordinal order, comma-separated.</summary>
    public static string NodesIn(string detail, Deployment topology) =>
        string.Join(",", topology.Nodes.Select(n => n.Name)
            .Where(n => Regex.IsMatch(detail, $@"(?<![\w-]){Regex.Escape(n)}(?![\w-])"))
            .Order(StringComparer.Ordinal));
}
