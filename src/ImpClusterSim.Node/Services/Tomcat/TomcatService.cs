using Akka.Actor;
using ImpClusterSim.Domain.Services;
using ImpClusterSim.Node.Ports;
using ImpClusterSim.Node.Runtime;
using ImpClusterSim.Pki;

namespace ImpClusterSim.Node.Services;

/// <summary>
/// Cisco Tomcat (<c>/user/node/cisco-tomcat</c>, IM&amp;P and CUCM): presents the tomcat chain it loaded at start to TLS
/// clients (browsers, the Certificate Import Tool, peer agents) and carries the AXL requests of peer clusters' Cisco
/// Intercluster Sync Agents to its node's Cisco AXL Web Service; when that service is not running, Tomcat itself
/// answers that AXL is not available (the agent's "Not reachable"). On a CUCM node it answers the IM&amp;P Cisco Sync
/// Agent's user sync (AXL). A stopped Tomcat refuses connections at once (the
/// Service Manager answers for it).
/// </summary>
public sealed class TomcatService : ServiceActor, IFollowsDatabase
{
    private NodeDatabaseState _db;

    public TomcatService(NodeContext node, ServiceLoad load) : base(node, load)
    {
        _db = load.State;
        Receive<DatabaseChanged>(c => _db = c.State);
        Receive<NetworkEnvelope>(e => e.Payload is IcsaSyncRequest, e => Context.Parent.Tell(
            new ToService(ServiceNames.CiscoAxlWebService,
                new AxlSyncQuery(e.FromNode, e.FromService, (IcsaSyncRequest)e.Payload, PresentedChain.Of(Load, CertificateUnit.Tomcat)))));
        // AXL on a CUCM publisher: an IM&P Cisco Sync Agent fetching the end users.
        Receive<NetworkEnvelope>(e => e.Payload is UserSyncRequest && !Load.Setup.Node.IsImp, e => Node.Network.Send(ServiceNames.CiscoTomcat,
            e.FromNode, e.FromService, new UserSyncResponse(((UserSyncRequest)e.Payload).RequestId, Load.Setup.Deployment.Nodes.Count(n => n.IsImp))));
        Receive<ServiceUnavailable>(u => u.Request is AxlSyncQuery, u =>
        {
            var q = (AxlSyncQuery)u.Request;
            Node.Network.Send(ServiceNames.CiscoTomcat, q.FromNode, q.FromService,
                AxlAnswer.Compose(Load.Setup, _db, q.Request, q.PresentedTomcatChain, axlStarted: false));
        });
    }

    public static new Props Props(NodeContext node, ServiceLoad load) => ActorFactory.Props(() => new TomcatService(node, load));
}
