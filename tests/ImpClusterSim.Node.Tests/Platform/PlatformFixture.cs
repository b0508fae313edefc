using ImpClusterSim.Domain.Topology;
using ImpClusterSim.Simulation;

namespace ImpClusterSim.Node.Tests.Platform;

internal static class PlatformFixture
{
    /// <summary>The small two-cluster topology, every node a real platform, started.</summary>
    public static SimulationRun TwoClusters(ulong seed = 1)
    {
        var topology = TopologyLoader.LoadEmbedded("two-clusters");
        var run = PlatformDeployment.CreateRun(topology, seed);
        PlatformDeployment.AddTo(run, topology);
        run.StartAll();
        return run;
    }
}
