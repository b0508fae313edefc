using ImpClusterSim.Domain.Services;

namespace ImpClusterSim.Node.Runtime;

/// <summary>
/// What a service reads when it starts (its certificate, trust stores, settings): a snapshot handed to the service's
/// actor at creation. A change made later reaches the service only when it starts again, as on the real platform.
/// </summary>
public sealed record ServiceLoad(ServiceDefinition Definition, NodeSetup Setup, Domain.Certificates.NodeCertificates Certificates);
