using Akka.Actor;
using ImpClusterSim.Domain.Services;
using ImpClusterSim.Node.Runtime;

namespace ImpClusterSim.Node.Services;

/// <summary>
/// Cisco AXL Web Service (<c>/user/node/cisco-axl-web-service</c>): answers, from the node's database as it is now,
/// the AXL requests its node's Cisco Tomcat hands it: a peer cluster's Intercluster Sync Agent syncing (domain facts
/// §1.1.10: the intercluster application user it created). The answer leaves through Cisco Tomcat's port.
/// </summary>
public sealed class AxlWebService : ServiceActor, IFollowsDatabase
{
    private NodeDatabaseState _db;

    public AxlWebService(NodeContext node, ServiceLoad load) : base(node, load)
    {
        _db = load.State;
        Receive<DatabaseChanged>(c => _db = c.State);
        Receive<AxlSyncQuery>(q => Node.Network.Send(ServiceNames.CiscoTomcat, q.FromNode, q.FromService,
            AxlAnswer.Compose(Load.Setup, _db, q.Request, q.PresentedTomcatChain, axlStarted: true)));
    }

    public static new Props Props(NodeContext node, ServiceLoad load) => ActorFactory.Props(() => new AxlWebService(node, load));
}
