using ImpClusterSim.Domain.Time;

namespace ImpClusterSim.Simulation.Tests.Runs;

internal static class RunFixture
{
    public static SimulationRun Skeleton(int nodes, ulong seed, Stream? trace = null) =>
        Skeleton(SkeletonDeployment.Synthetic(nodes), seed, trace);

    /// <summary>A started run of skeleton nodes in <paramref name="clusters"/>.</summary>
    public static SimulationRun Skeleton(IReadOnlyList<SkeletonDeployment.Cluster> clusters, ulong seed, Stream? trace = null)
    {
        var run = new SimulationRun(new RunOptions
        {
            Seed = seed,
            ClusterOfNode = SkeletonDeployment.ClusterOfNode(clusters),
            TraceOutput = trace,
        });
        SkeletonDeployment.AddTo(run, clusters);
        run.StartAll();
        return run;
    }

    public static SimInstant At(TimeSpan sinceStart) => SimInstant.DefaultRunStart + sinceStart;
}
