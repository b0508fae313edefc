namespace ImpClusterSim.Domain.Topology;

/// <summary>
/// One node of a deployment as the topology file declares it. <see cref="Name"/> is the host name (lowercase letters,
/// digits and '-'), used as the node's ActorSystem name; <see cref="Fqdn"/> starts with it.
/// </summary>
public sealed record NodeSpec(
    string Name,
    string Fqdn,
    string IpAddress,
    NodeKind Kind,
    NodeRole Role,
    string Cluster,
    bool IsFederation = false,
    string? Subcluster = null,
    bool HasTftp = false)
{
    public bool IsPublisher => Role == NodeRole.Publisher;

    public bool IsImp => Kind == NodeKind.Imp;
}
