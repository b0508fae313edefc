namespace ImpClusterSim.Node.Ports;

/// <summary>
/// The only way out of a node. Every message to another node goes through the network of the run, which decides its
/// latency, loss, duplication and partitions. Payloads must be immutable (in sim mode they are passed by reference).
/// </summary>
public interface INodeNetwork
{
    /// <summary>Sends <paramref name="payload"/> from <paramref name="fromService"/> on this node to a service on another node.</summary>
    void Send(string fromService, string toNode, string toService, object payload);
}

/// <summary>What a node's guardian receives from the network: a payload addressed to one of its services.</summary>
public sealed record NetworkEnvelope(string FromNode, string FromService, string ToService, object Payload);
