using System.Collections.Immutable;

namespace ImpClusterSim.Domain.Fips;

/// <summary>A cluster whose nodes are not all in one FIPS mode (a transition state to report, not a refusal; domain facts §4.5).</summary>
public sealed record MixedFipsCluster(string Cluster, ImmutableArray<string> FipsNodes, ImmutableArray<string> NonFipsNodes)
{
    /// <summary>The report line: "mixed clusters are not allowed" is the 12.5+ wording (§4.5); the rest is chosen.</summary>
    public string Line =>
        $"Cluster {Cluster} has nodes in different FIPS modes (FIPS: {string.Join(", ", FipsNodes)}; non-FIPS: {string.Join(", ", NonFipsNodes)}): " +
        "mixed clusters are not allowed; enable or disable FIPS mode on each node so that all nodes of the cluster use the same mode.";

    /// <summary>The mixed-mode report for a cluster's nodes (name, mode), or null when all share one mode.</summary>
    public static MixedFipsCluster? Check(string cluster, IEnumerable<KeyValuePair<string, FipsMode>> nodeModes)
    {
        var modes = nodeModes.ToArray();
        var fips = modes.Where(m => m.Value == FipsMode.Fips).Select(m => m.Key).Order(StringComparer.Ordinal).ToImmutableArray();
        var nonFips = modes.Where(m => m.Value == FipsMode.NonFips).Select(m => m.Key).Order(StringComparer.Ordinal).ToImmutableArray();
        return fips.IsEmpty || nonFips.IsEmpty ? null : new MixedFipsCluster(cluster, fips, nonFips);
    }
}
