using Akka.Actor;
using ImpClusterSim.Node.Services;

namespace ImpClusterSim.Node.Runtime;

/// <summary>
/// How each service's actor is made, by display name. A <b>started</b> service's actor is created when its service
/// reaches Started and stopped when it leaves Started (whatever it served is interrupted with it). A <b>resident</b>
/// service's actor lives as long as the node's platform and is told when its service starts and stops
/// (<see cref="ServiceRunning"/>): the Cisco Intercluster Sync Agent, whose peer configuration pages and status panel
/// work while it is stopped. A service with no registered behaviour runs as a plain <see cref="ServiceActor"/>: it
/// presents the certificate it loaded to TLS clients.
/// </summary>
public sealed class ServiceWorkers
{
    private readonly Dictionary<string, Func<NodeContext, ServiceLoad, Props>> _factories = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<NodeContext, ResidentSetup, Props?>> _residents = new(StringComparer.Ordinal);

    /// <summary>Registers the actor of a service that exists while the service is Started.</summary>
    public ServiceWorkers Register(string service, Func<NodeContext, ServiceLoad, Props> factory)
    {
        _residents.Remove(service);
        _factories[service] = factory;
        return this;
    }

    /// <summary>Registers a resident service actor; the factory returns null where the service has no resident part.</summary>
    public ServiceWorkers RegisterResident(string service, Func<NodeContext, ResidentSetup, Props?> factory)
    {
        _factories.Remove(service);
        _residents[service] = factory;
        return this;
    }

    /// <summary>The resident services, in name order.</summary>
    public IEnumerable<KeyValuePair<string, Func<NodeContext, ResidentSetup, Props?>>> Residents =>
        _residents.OrderBy(r => r.Key, StringComparer.Ordinal);

    public bool IsResident(string service) => _residents.ContainsKey(service);

    public Props PropsFor(NodeContext node, ServiceLoad load) =>
        _factories.TryGetValue(load.Definition.Name, out var f) ? f(node, load) : ServiceActor.Props(node, load);
}

/// <summary>What a resident service actor is made from: the node, its database as found at boot, the database actor.</summary>
public sealed record ResidentSetup(NodeSetup Setup, NodeDatabaseState State, IActorRef Database);
