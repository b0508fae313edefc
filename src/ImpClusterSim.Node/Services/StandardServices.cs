using ImpClusterSim.Domain.Services;
using ImpClusterSim.Node.Runtime;

namespace ImpClusterSim.Node.Services;

/// <summary>
/// The actor of each service with behaviour of its own (docs/nodes.md shows the tree); every other service runs as a
/// plain <see cref="ServiceActor"/> (it presents the certificate it loaded).
/// </summary>
public static class StandardServices
{
    public static ServiceWorkers Workers() => new ServiceWorkers()
        .Register(ServiceNames.CiscoTomcat, TomcatService.Props)
        .Register(ServiceNames.CiscoAxlWebService, AxlWebService.Props)
        .Register(ServiceNames.CiscoSipProxy, SipProxyService.Props)
        .Register(ServiceNames.CiscoXcpRouter, XcpRouterService.Props)
        .Register(ServiceNames.CiscoXcpConnectionManager, XcpConnectionManagerService.Props)
        .Register(ServiceNames.CiscoXcpWebConnectionManager, XcpConnectionManagerService.Props)
        .Register(ServiceNames.CiscoXcpXmppFederationConnectionManager, XcpConnectionManagerService.Props)
        .RegisterResident(ServiceNames.CiscoInterclusterSyncAgent, InterclusterSyncAgentService.Props)
        .Register(ServiceNames.CiscoSyncAgent, SyncAgentService.Props)
        .Register(ServiceNames.CiscoCallManager, CallManagerService.Props)
        .Register(ServiceNames.CiscoCertificateChangeNotification, CertificateChangeNotificationService.Props);
}
