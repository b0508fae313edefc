using ImpClusterSim.Domain.Services;
using ImpClusterSim.Node.Runtime;

namespace ImpClusterSim.Node.Services;

/// <summary>The services with simulated behaviour of their own; every other service runs idle while Started.</summary>
public static class StandardServices
{
    public static ServiceWorkers Workers() => new ServiceWorkers()
        .Register(ServiceNames.CiscoCallManager, CallManagerService.Props);
}
