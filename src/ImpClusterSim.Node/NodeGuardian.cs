using Akka.Actor;
using ImpClusterSim.Node.Ports;
using ImpClusterSim.Node.Runtime;

namespace ImpClusterSim.Node;

/// <summary>
/// The top actor of a node (<c>/user/node</c>): starts the node's service actors and routes what the network delivers
/// to the service it is addressed to (by the service's display name, e.g. "Cisco Tomcat").
/// </summary>
public sealed class NodeGuardian : ReceiveActor
{
    public const string Name = "node";

    private readonly Dictionary<string, IActorRef> _services = new(StringComparer.Ordinal);

    public NodeGuardian(NodeContext node, IReadOnlyList<ServiceSpec> services)
    {
        foreach (var spec in services)
            _services[spec.DisplayName] = Context.ActorOf(spec.Props(node), spec.ActorName);

        Receive<NetworkEnvelope>(e =>
        {
            if (_services.TryGetValue(e.ToService, out var service)) service.Forward(e);
            else node.Record(Self.Path.ToStringWithoutAddress(), "unknown-service", ("service", e.ToService), ("from", e.FromNode));
        });
        Receive<ToService>(m =>
        {
            if (_services.TryGetValue(m.Service, out var service)) service.Forward(m.Message);
        });
    }

    public static Props Props(NodeContext node, IReadOnlyList<ServiceSpec> services) =>
        ActorFactory.Props(() => new NodeGuardian(node, services));
}

/// <summary>A local message for one of the node's services, by display name (used by administrators and tests).</summary>
public sealed record ToService(string Service, object Message);

/// <summary>A service a node runs: its display name, the name of its actor, and how to create it.</summary>
public sealed record ServiceSpec(string DisplayName, Func<NodeContext, Props> Props)
{
    /// <summary>Actor names are the display name in lower-case words joined by '-', e.g. cisco-tomcat.</summary>
    public string ActorName { get; } = string.Join('-', DisplayName.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
