using ImpClusterSim.Domain.Services;
using ImpClusterSim.Domain.Topology;
using ImpClusterSim.Node.Runtime;
using ImpClusterSim.Pki;

namespace ImpClusterSim.Simulation;

/// <summary>Builds a run of real platform nodes (IM&amp;P and CUCM) from a topology.</summary>
public static class PlatformDeployment
{
    public static IReadOnlyDictionary<string, string> ClusterOfNode(Deployment topology) =>
        topology.CucmClusters.SelectMany(c => c.Nodes.Select(n => (n.Name, c.Name)))
            .Concat(topology.ImpClusters.SelectMany(c => c.Nodes.Select(n => (n.Name, c.Name))))
            .ToDictionary(p => p.Item1, p => p.Item2, StringComparer.Ordinal);

    public static SimulationRun CreateRun(Deployment topology, ulong seed, Stream? trace = null) =>
        new(new RunOptions { Seed = seed, ClusterOfNode = ClusterOfNode(topology), TraceOutput = trace });

    public static void AddTo(SimulationRun run, Deployment topology, ServiceCatalogue? catalogue = null, ServiceWorkers? workers = null,
        RuntimeTimings? timings = null)
    {
        catalogue ??= ServiceCatalogue.Default;
        workers ??= Node.Services.StandardServices.Workers();
        timings ??= new RuntimeTimings();
        // Every node's keys and certificates derive from the node's names, not from the run's seed (docs/pki.md).
        var certificates = new NodeCertificateFactory(NodeCertificateFactory.DeploymentSeed, KeyPool.Shared);
        var clusterOf = ClusterOfNode(topology);
        foreach (var node in topology.Nodes)
        {
            var setup = new NodeSetup(node, topology, catalogue, certificates, timings) { HostNames = run.HostNames };
            run.AddNode(node.Name, clusterOf[node.Name], context => ServiceManager.Props(context, setup, workers));
        }
    }
}
