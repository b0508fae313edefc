using ImpClusterSim.Node.Ports;

namespace ImpClusterSim.Simulation.Network;

/// <summary>One node's door to the <see cref="SimulatedNetwork"/>: sends carry this node's name as the sender.</summary>
public sealed class NodeNetworkPort : INodeNetwork
{
    private readonly SimulatedNetwork _network;

    internal NodeNetworkPort(SimulatedNetwork network, string node)
    {
        _network = network;
        Node = node;
    }

    public string Node { get; }

    public void Send(string fromService, string toNode, string toService, object payload) =>
        _network.Send(Node, fromService, toNode, toService, payload);
}
