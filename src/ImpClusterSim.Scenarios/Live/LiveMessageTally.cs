using ImpClusterSim.Live.Network;

namespace ImpClusterSim.Scenarios.Live;

/// <summary>
/// A live run's message counts, summed over node processes: each process reports its network port's counts (since it
/// started) with every pulled trace batch; the last report of each incarnation is kept, so a node killed and restarted
/// contributes what its first incarnation reported last (pulled just before the <c>kill -9</c>) plus what the new one
/// reports. Counts a killed process made after its last pull are lost with it.
/// </summary>
internal sealed class LiveMessageTally
{
    private readonly SortedDictionary<(string Node, long Incarnation), NetworkCounts> _last = new(Comparer<(string Node, long Incarnation)>.Create((a, b) =>
        string.CompareOrdinal(a.Node, b.Node) is var byNode and not 0 ? byNode : a.Incarnation.CompareTo(b.Incarnation)));

    /// <summary>Keeps <paramref name="counts"/> as the latest report of <paramref name="node"/>'s incarnation <paramref name="incarnation"/>.</summary>
    public void Observe(string node, long incarnation, NetworkCounts counts) => _last[(node, incarnation)] = counts;

    /// <summary>The last report of every node process (node, incarnation), in node then incarnation order.</summary>
    public IEnumerable<(string Node, long Incarnation, NetworkCounts Counts)> Reports =>
        _last.Select(p => (p.Key.Node, p.Key.Incarnation, p.Value));

    /// <summary>The sum of every process's last report.</summary>
    public NetworkCounts Total => _last.Values.Aggregate(NetworkCounts.None, (sum, c) => sum.Plus(c));
}
