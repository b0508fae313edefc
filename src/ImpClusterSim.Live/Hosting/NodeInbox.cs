using Akka.Actor;
using ImpClusterSim.Node.Ports;

namespace ImpClusterSim.Live;

/// <summary>
/// <c>/user/node</c> of a live host system: what other node processes send this node arrives here over Akka.Remote
/// and is handed to the node's own ActorSystem (its guardian), in the same process.
/// </summary>
public sealed class NodeInbox : ReceiveActor
{
    public NodeInbox(IActorRef guardian)
    {
        Receive<NetworkEnvelope>(e => guardian.Tell(e));
    }

    public static Props Props(IActorRef guardian) => Akka.Actor.Props.Create(() => new NodeInbox(guardian));
}
