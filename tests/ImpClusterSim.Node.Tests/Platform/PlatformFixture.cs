using Akka.Actor;
using ImpClusterSim.Domain.Topology;
using ImpClusterSim.Node.Runtime;
using ImpClusterSim.Simulation;

namespace ImpClusterSim.Node.Tests.Platform;

internal static class PlatformFixture
{
    /// <summary>The small two-cluster topology, every node a real platform, started.</summary>
    public static SimulationRun TwoClusters(ulong seed = 1, ServiceWorkers? workers = null, RuntimeTimings? timings = null) =>
        Start("two-clusters", seed, workers, timings);

    /// <summary>The lab topology: CUCM of 2, two IM&amp;P clusters of 3 (imp-a-pub, imp-a-sub1, imp-a-sub2; imp-b-...).</summary>
    public static SimulationRun Lab(ulong seed = 1, ServiceWorkers? workers = null, RuntimeTimings? timings = null) =>
        Start("lab", seed, workers, timings);

    private static SimulationRun Start(string topologyName, ulong seed, ServiceWorkers? workers, RuntimeTimings? timings)
    {
        var topology = TopologyLoader.LoadEmbedded(topologyName);
        var run = PlatformDeployment.CreateRun(topology, seed);
        PlatformDeployment.AddTo(run, topology, workers: workers, timings: timings);
        run.StartAll();
        return run;
    }

    /// <summary>A service that hands everything it receives to <paramref name="target"/> (a test probe).</summary>
    public static Props Forwarder(IActorRef target) => Props.Create(() => new ForwardingService(target));

    private sealed class ForwardingService : ReceiveActor
    {
        public ForwardingService(IActorRef target) => ReceiveAny(m => target.Tell(m));
    }
}
