using System.Collections.Immutable;
using Akka.Actor;
using ImpClusterSim.Domain.Services;
using ImpClusterSim.Domain.Settings;
using ImpClusterSim.Node.Services;

namespace ImpClusterSim.Node.Runtime;

/// <summary>
/// What a service reads when it starts: the node's certificates, trust stores and configuration as they were then,
/// and the settings it loaded (<see cref="Loaded"/>: what became active, the domain mismatch the Cisco XCP Router
/// found). A change made later reaches the service only when it starts again, as on the platform. <see cref="Database"/>
/// is the node's database actor, to which a service sends what it decides to keep.
/// </summary>
public sealed record ServiceLoad(ServiceDefinition Definition, NodeSetup Setup, NodeDatabaseState State, NodeActiveSettings Active, IActorRef Database)
{
    public Domain.Certificates.NodeCertificates Certificates => State.Certificates;

    /// <summary>What happened when the service loaded the saved settings (traced by the service itself).</summary>
    public ImmutableArray<SettingsEvent> Loaded { get; init; } = [];
}
