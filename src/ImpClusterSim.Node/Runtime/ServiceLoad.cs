using ImpClusterSim.Domain.Services;
using ImpClusterSim.Domain.Settings;

namespace ImpClusterSim.Node.Runtime;

/// <summary>
/// What a service reads when it starts: the node's certificates, trust stores and configuration as they were then,
/// and the settings it loaded. A change made later reaches the service only when it starts again, as on the platform.
/// </summary>
public sealed record ServiceLoad(ServiceDefinition Definition, NodeSetup Setup, NodeDurableState State, NodeActiveSettings Active)
{
    public Domain.Certificates.NodeCertificates Certificates => State.Certificates;
}
