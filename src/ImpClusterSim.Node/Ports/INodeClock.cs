using ImpClusterSim.Domain.Time;

namespace ImpClusterSim.Node.Ports;

/// <summary>The node's own clock: virtual time plus the node's skew. Certificate validity and timestamps read it.</summary>
public interface INodeClock
{
    SimInstant Now { get; }
}
