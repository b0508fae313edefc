using Akka.Actor;
using ImpClusterSim.Node.Ports;

namespace ImpClusterSim.Node.Runtime;

/// <summary>
/// Where the node hands a network message for one of its services: the Service Manager's routing table. Only the
/// Service Manager changes it (as it starts and stops service actors and as the platform goes down and comes up, on its
/// own thread), and whoever delivers a message may route it here without a hop through the manager's mailbox, as Akka's
/// own routers route on the sender's side. In sim mode the node's network endpoint does so on the loop thread (the
/// thread every actor of the run is on); in live mode messages arrive at the Service Manager, which routes them here.
/// Rules (the guide's platform): nothing answers while the platform is rebooting or halted; the database's replication
/// and the certificate import tool each have their actor (the tool only on an IM&amp;P publisher: elsewhere its messages
/// are dropped); any other service gets the message while its actor exists, and otherwise the sender is told the
/// service is unavailable (<see cref="ServiceUnavailable"/>), as by a closed port.
/// </summary>
public sealed class ServiceRoutes
{
    // A service's actor; a null actor: the service is known here and its messages are dropped.
    private readonly Dictionary<string, IActorRef?> _actors = new(StringComparer.Ordinal);

    /// <summary>True once the Service Manager has filled the table (and until it stops): messages may be routed here.</summary>
    public bool Ready { get; private set; }

    /// <summary>Whether the platform runs (not rebooting, not halted): otherwise every message is dropped.</summary>
    public bool PlatformRunning { get; internal set; }

    internal void Set(string service, IActorRef? actor) => _actors[service] = actor;

    internal void Remove(string service) => _actors.Remove(service);

    internal void Open() => Ready = true;

    /// <summary>The Service Manager stopped: nothing is routed here until a new one has filled the table again.</summary>
    internal void Close()
    {
        Ready = false;
        _actors.Clear();
    }

    /// <summary>Hands <paramref name="e"/> to its service's actor (from <paramref name="sender"/>), drops it, or answers that the service is unavailable.</summary>
    public void Deliver(NetworkEnvelope e, IActorRef? sender, INodeNetwork network)
    {
        if (!PlatformRunning) return;
        if (_actors.TryGetValue(e.ToService, out var actor))
        {
            actor?.Tell(e, sender);
            return;
        }
        network.Send(e.ToService, e.FromNode, e.FromService, new ServiceUnavailable(e.ToService, e.Payload));
    }
}
