using Akka.Actor;
using ImpClusterSim.Domain.Services;
using ImpClusterSim.Domain.Topology;
using ImpClusterSim.Node;
using ImpClusterSim.Node.Runtime;
using ImpClusterSim.Node.Services;
using ImpClusterSim.Pki;

namespace ImpClusterSim.Live;

/// <summary>
/// The platform's node code in a live process: the node's Service Manager with its service actors (issue 9's
/// platform, the same props as sim mode's <c>PlatformDeployment</c>), set up from the topology and the run's seed
/// (every node's keys and certificates derive from "run-SEED" and its names, as in sim mode). Its messages to other
/// nodes and its durable state go through the wire codecs (<c>ImpClusterSim.Node.Wire.Platform</c>).
/// </summary>
public static class LivePlatform
{
    /// <summary>
    /// The guardian props of <paramref name="node"/>, with a scenario's service durations (<paramref name="catalogue"/>,
    /// default <see cref="ServiceCatalogue.Default"/>) and timings; throws <see cref="ArgumentException"/> naming the
    /// topology's nodes when it has no such node.
    /// </summary>
    public static Func<NodeContext, Props> Root(Deployment topology, string node, RuntimeTimings? timings = null, ServiceCatalogue? catalogue = null)
    {
        var spec = topology.FindNode(node)
            ?? throw new ArgumentException($"no node '{node}' in the topology; its nodes: {string.Join(", ", topology.Nodes.Select(n => n.Name))}");
        var certificates = new NodeCertificateFactory(NodeCertificateFactory.DeploymentSeed, KeyPool.Shared);
        var setup = new NodeSetup(spec, topology, catalogue ?? ServiceCatalogue.Default, certificates, timings ?? new RuntimeTimings());
        var workers = StandardServices.Workers();
        return context => ServiceManager.Props(context, setup, workers);
    }
}
