using ImpClusterSim.Node.Skeleton;

namespace ImpClusterSim.Simulation;

/// <summary>
/// Builds a run of skeleton nodes: clusters whose first node is the publisher, IM&amp;P clusters peered with each other.
/// Until the real IM&amp;P services exist this is what `impsim run` and the kernel benchmarks simulate.
/// </summary>
public static class SkeletonDeployment
{
    /// <summary>A cluster of skeleton nodes: <c>Nodes[0]</c> is its publisher; <c>Peered</c> clusters sync with each other.</summary>
    public sealed record Cluster(string Name, IReadOnlyList<string> Nodes, bool Peered);

    /// <summary>The cluster of every node, for <see cref="RunOptions.ClusterOfNode"/>.</summary>
    public static IReadOnlyDictionary<string, string> ClusterOfNode(IEnumerable<Cluster> clusters) =>
        clusters.SelectMany(c => c.Nodes.Select(n => (n, c.Name))).ToDictionary(p => p.n, p => p.Name, StringComparer.Ordinal);

    /// <summary><paramref name="count"/> nodes in peered clusters of (at most) six, named c01-pub, c01-sub1, ... (with <paramref name="prefix"/> for "c").</summary>
    public static IReadOnlyList<Cluster> Synthetic(int count, string prefix = "c")
    {
        var clusters = new List<Cluster>();
        for (var c = 0; c * 6 < count; c++)
        {
            var name = $"{prefix}{c + 1:00}";
            var size = Math.Min(6, count - c * 6);
            clusters.Add(new Cluster(name, Enumerable.Range(0, size).Select(i => i == 0 ? $"{name}-pub" : $"{name}-sub{i}").ToArray(), true));
        }
        return clusters;
    }

    public static void AddTo(SimulationRun run, IReadOnlyList<Cluster> clusters)
    {
        var peerPublishers = clusters.Where(c => c.Peered).Select(c => c.Nodes[0]).ToArray();
        foreach (var cluster in clusters)
        {
            var publisher = cluster.Nodes[0];
            var peers = cluster.Peered ? peerPublishers.Where(p => p != publisher).ToArray() : [];
            foreach (var node in cluster.Nodes)
            {
                var role = new SkeletonRole(node, cluster.Name, publisher, cluster.Nodes, peers);
                run.AddNode(node, cluster.Name, _ => SkeletonServices.For(role));
            }
        }
    }
}
