using Akka.Actor;

namespace ImpClusterSim.Node.Runtime;

/// <summary>
/// How each service's actor is made when the service starts, by display name. A service without a registered
/// behaviour runs as an <see cref="IdleService"/>: it is Started, and refuses nothing it is not asked.
/// </summary>
public sealed class ServiceWorkers
{
    private readonly Dictionary<string, Func<NodeContext, ServiceLoad, Props>> _factories = new(StringComparer.Ordinal);

    public ServiceWorkers Register(string service, Func<NodeContext, ServiceLoad, Props> factory)
    {
        _factories[service] = factory;
        return this;
    }

    public Props PropsFor(NodeContext node, ServiceLoad load) =>
        _factories.TryGetValue(load.Definition.Name, out var f) ? f(node, load) : Props.Create(() => new IdleService());
}

/// <summary>A running service with no simulated behaviour of its own (yet): it only exists while Started.</summary>
public sealed class IdleService : ReceiveActor
{
    public IdleService() => ReceiveAny(_ => { });
}
