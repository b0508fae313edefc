using Akka.Actor;
using ImpClusterSim.Node.Ports;

namespace ImpClusterSim.Live;

/// <summary>
/// <c>/user/node</c> of a live host system: what other node processes send this node arrives here over Akka.Remote
/// and is handed to the node's own ActorSystem (its guardian), in the same process, and counted as delivered by the
/// node's network port.
/// </summary>
public sealed class NodeInbox : ReceiveActor
{
    public NodeInbox(IActorRef guardian, Network.LiveNetwork network)
    {
        Receive<NetworkEnvelope>(e =>
        {
            network.CountDelivered();
            guardian.Tell(e);
        });
    }

    public static Props Props(IActorRef guardian, Network.LiveNetwork network) => Akka.Actor.Props.Create(() => new NodeInbox(guardian, network));
}
