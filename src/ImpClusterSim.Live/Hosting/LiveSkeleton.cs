using Akka.Actor;
using ImpClusterSim.Domain.Topology;
using ImpClusterSim.Node;
using ImpClusterSim.Node.Skeleton;

namespace ImpClusterSim.Live;

/// <summary>
/// The node code live mode runs today: the skeleton services (Cisco Tomcat, A Cisco DB Replicator, Cisco Presence
/// Engine, and on IM&amp;P publishers the Cisco Intercluster Sync Agent), laid out as the kernel showcase lays them out
/// in sim mode: a cluster's publisher is its first node, the IM&amp;P clusters are peered with each other, CUCM
/// clusters are not. The platform's service actors join once their messages and durable state have codecs
/// (docs/live.md).
/// </summary>
public static class LiveSkeleton
{
    public static SkeletonRole RoleOf(Deployment topology, string node)
    {
        var spec = topology.FindNode(node) ?? throw new ArgumentException($"no node '{node}' in the topology; its nodes: {string.Join(", ", topology.Nodes.Select(n => n.Name))}");
        var peerPublishers = topology.ImpClusters.Select(c => c.Publisher.Name).ToArray();
        var imp = topology.ImpClusters.FirstOrDefault(c => c.Name == spec.Cluster);
        var cucm = topology.CucmClusters.FirstOrDefault(c => c.Name == spec.Cluster);
        var nodes = imp is not null ? Ordered(imp.Publisher, imp.Subscribers) : Ordered(cucm!.Publisher, cucm.Subscribers);
        var cluster = (Name: spec.Cluster, Nodes: nodes, Peered: imp is not null);
        var publisher = cluster.Nodes[0];
        var peers = cluster.Peered ? peerPublishers.Where(p => p != publisher).ToArray() : [];
        return new SkeletonRole(node, cluster.Name, publisher, cluster.Nodes, peers);
    }

    public static Func<NodeContext, Props> Root(SkeletonRole role) => context => NodeGuardian.Props(context, SkeletonServices.For(role));

    private static IReadOnlyList<string> Ordered(NodeSpec publisher, IEnumerable<NodeSpec> subscribers) =>
        new[] { publisher.Name }.Concat(subscribers.Select(s => s.Name)).ToArray();
}
