using ImpClusterSim.Domain.Banner;
using ImpClusterSim.Domain.Certificates;
using ImpClusterSim.Domain.Fips;
using ImpClusterSim.Domain.Intercluster;
using ImpClusterSim.Domain.Replication;
using ImpClusterSim.Domain.Settings;

namespace ImpClusterSim.Node.Runtime;

/// <summary>
/// What a node keeps on its disk: everything an administrator configured on it, its certificates and trust stores,
/// its place in the cluster's replication (and, on a publisher, the cluster's trust database). Written whole after
/// each accepted change (one atomic put), so a crash finds either the state before a change or the state after it.
/// </summary>
public sealed record NodeDurableState(
    NodeBanner Banner,
    NodeCertificates Certificates,
    ReplicaProgress Replica,
    ClusterTrustLog? TrustLog,
    SecuritySettings Settings,
    long SettingsVersion,
    CucmConfiguration Cucm,
    InterclusterSyncAgent? Icsa,
    FipsNodeState Fips,
    SelfTestFault InjectedSelfTestFault)
{
    public const string DiskKey = "platform/state";

    /// <summary>A node as installed: self-signed certificates, empty trust stores, no banner.</summary>
    public static NodeDurableState Installed(NodeSetup setup, DateTime at) => new(
        NodeBanner.None(setup.Name),
        NodeCertificates.Install(setup.Node, setup.CertificateFactory, at, hostedDomains: setup.HostedDomains),
        ReplicaProgress.Start(setup.Name),
        setup.IsPublisher ? ClusterTrustLog.Empty(setup.Node.Cluster, setup.Name) : null,
        SecuritySettings.Defaults(setup.HostedDomains.FirstOrDefault() ?? setup.Node.Fqdn),
        0,
        CucmConfiguration.Empty,
        setup.IsPublisher && setup.Node.IsImp ? InterclusterSyncAgent.Create(setup.Node.Cluster, setup.Name, setup.Timings.Icsa) : null,
        FipsNodeState.Default,
        SelfTestFault.None);
}
