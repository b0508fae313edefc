using ImpClusterSim.Domain.Time;
using ImpClusterSim.Domain.Topology;
using ImpClusterSim.Simulation;

namespace ImpClusterSim.Scenarios.BuiltIn;

/// <summary>
/// The embedded default run of the kernel: every node of a topology (the 20-node default unless another is given)
/// with skeleton services and their traffic, the IM&amp;P clusters peered with each other, and on the way a partition
/// between two IM&amp;P clusters that heals, and a subscriber that crashes and comes back.
/// </summary>
public static class KernelShowcase
{
    public static readonly TimeSpan PartitionStart = TimeSpan.FromHours(2);
    public static readonly TimeSpan PartitionEnd = TimeSpan.FromHours(3);
    public static readonly TimeSpan CrashAt = TimeSpan.FromHours(5);
    public static readonly TimeSpan RestartAt = TimeSpan.FromHours(5) + TimeSpan.FromMinutes(20);

    public static IReadOnlyList<SkeletonDeployment.Cluster> ClustersOf(Deployment topology) =>
        topology.CucmClusters.Select(c => new SkeletonDeployment.Cluster(c.Name, Ordered(c.Publisher, c.Subscribers), false))
            .Concat(topology.ImpClusters.Select(c => new SkeletonDeployment.Cluster(c.Name, Ordered(c.Publisher, c.Subscribers), true)))
            .ToArray();

    /// <summary>
    /// Builds the run and schedules its faults. The nodes start with <see cref="SimulationRun.StartAll"/>, once the
    /// caller has attached its observers to the trace; then the caller runs it to its horizon.
    /// </summary>
    public static SimulationRun Create(Deployment topology, ulong seed, Stream? trace)
    {
        var clusters = ClustersOf(topology);
        var run = new SimulationRun(new RunOptions
        {
            Seed = seed,
            ClusterOfNode = SkeletonDeployment.ClusterOfNode(clusters),
            TraceOutput = trace,
        });
        SkeletonDeployment.AddTo(run, clusters);

        var imp = topology.ImpClusters;
        if (imp.Length >= 2)
        {
            var a = imp[0].Nodes.Select(n => n.Name).ToArray();
            var b = imp[1].Nodes.Select(n => n.Name).ToArray();
            run.At(At(run, PartitionStart), () => run.Network.StartPartition($"{imp[0].Name}|{imp[1].Name}", a, b));
            run.At(At(run, PartitionEnd), () => run.Network.Heal($"{imp[0].Name}|{imp[1].Name}"));
        }
        var victim = imp.Length > 0 ? imp[^1].Subscribers.LastOrDefault() : null;
        if (victim is not null)
        {
            run.At(At(run, CrashAt), () => run[victim.Name].Crash());
            run.At(At(run, RestartAt), () => run[victim.Name].Start());
        }
        // Fold the network's delivery digest into the trace every hour, so the trace hash covers every delivery.
        void Summarise()
        {
            run.Network.TraceSummary();
            run.After(TimeSpan.FromHours(1), Summarise);
        }
        run.After(TimeSpan.FromHours(1), Summarise);
        return run;
    }

    private static SimInstant At(SimulationRun run, TimeSpan sinceStart) => run.Options.Start + sinceStart;

    private static IReadOnlyList<string> Ordered(NodeSpec publisher, IEnumerable<NodeSpec> subscribers) =>
        new[] { publisher.Name }.Concat(subscribers.Select(s => s.Name)).ToArray();
}
