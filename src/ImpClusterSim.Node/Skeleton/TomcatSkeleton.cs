using Akka.Actor;
using ImpClusterSim.Node.Ports;
using ImpClusterSim.Node.Runtime;

namespace ImpClusterSim.Node.Skeleton;

/// <summary>Skeleton of Cisco Tomcat: answers the intercluster sync requests of peer clusters (AXL over HTTPS).</summary>
public sealed class TomcatSkeleton : ReceiveActor
{
    public const string ServiceName = "Cisco Tomcat";

    public TomcatSkeleton(NodeContext node, SkeletonRole role)
    {
        Receive<NetworkEnvelope>(e => e.Payload is PeerSyncRequest, e =>
            node.Network.Send(ServiceName, e.FromNode, e.FromService,
                new PeerSyncResponse(role.Cluster, ((PeerSyncRequest)e.Payload).Sequence)));
    }

    public static Props Props(NodeContext node, SkeletonRole role) =>
        ActorFactory.Props(() => new TomcatSkeleton(node, role));
}
