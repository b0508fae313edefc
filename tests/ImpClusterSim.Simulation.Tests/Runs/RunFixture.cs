using ImpClusterSim.Domain.Time;

namespace ImpClusterSim.Simulation.Tests.Runs;

internal static class RunFixture
{
    public static SimulationRun Skeleton(int nodes, ulong seed, Stream? trace = null)
    {
        var clusters = SkeletonDeployment.Synthetic(nodes);
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
