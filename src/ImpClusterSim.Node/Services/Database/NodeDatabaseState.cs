using ImpClusterSim.Domain.Banner;
using ImpClusterSim.Domain.Certificates;
using ImpClusterSim.Domain.Intercluster;
using ImpClusterSim.Domain.Replication;
using ImpClusterSim.Domain.Settings;
using ImpClusterSim.Node.Runtime;

namespace ImpClusterSim.Node.Services;

/// <summary>
/// What the node's database (<see cref="NodeDatabase"/>) keeps on the node's disk: everything an administrator
/// configured on the node, its certificates and trust stores, its place in the cluster's replication (and, on a
/// publisher, the cluster's trust database), the saved security settings, the CUCM trunk configuration and the Cisco
/// Intercluster Sync Agent's peers with their per-peer state, and whether the Cisco Sync Agent has completed a user sync
/// from CUCM. Written whole after each accepted change (one atomic put
/// under <see cref="DiskKey"/>), so a crash finds either the state before a change or the state after it; a change
/// that spans services (an intercluster sync's new peer state with the certificates it imports) is one put.
/// </summary>
public sealed record NodeDatabaseState(
    NodeBanner Banner,
    NodeCertificates Certificates,
    ReplicaProgress Replica,
    ClusterTrustLog? TrustLog,
    SecuritySettings Settings,
    long SettingsVersion,
    CucmConfiguration Cucm,
    InterclusterSyncAgent? Icsa,
    bool UserSyncCompleted = false)
{
    public const string DiskKey = "database/state";

    /// <summary>A node as installed: self-signed certificates, empty trust stores, no banner.</summary>
    public static NodeDatabaseState Installed(NodeSetup setup, DateTime at) => new(
        NodeBanner.None(setup.Name),
        NodeCertificates.Install(setup.Node, setup.CertificateFactory, at, hostedDomains: setup.HostedDomains),
        ReplicaProgress.Start(setup.Name),
        setup.IsPublisher ? ClusterTrustLog.Empty(setup.Node.Cluster, setup.Name) : null,
        SecuritySettings.Defaults(setup.HostedDomains.FirstOrDefault() ?? setup.Node.Fqdn),
        0,
        CucmConfiguration.Empty,
        setup.IsPublisher && setup.Node.IsImp ? InterclusterSyncAgent.Create(setup.Node.Cluster, setup.Name, setup.Timings.Icsa) : null);

    /// <summary>The state on <paramref name="disk"/>, or (first boot) the node as installed now, written before it is used.</summary>
    public static NodeDatabaseState LoadOrInstall(Ports.IDurableStore disk, NodeSetup setup, DateTime now)
    {
        if (disk.TryGet(DiskKey, out NodeDatabaseState state)) return state;
        state = Installed(setup, now);
        disk.Put(DiskKey, state);
        return state;
    }
}
