using Akka.Actor;
using ImpClusterSim.Node.Runtime;

namespace ImpClusterSim.Node.Services;

/// <summary>
/// Cisco XCP Router (<c>/user/node/cisco-xcp-router</c>): presents cup-xmpp; at its start it loads XMPP router-to-router
/// secure mode and the node-to-node domain (a domain the node's cup-xmpp-s2s certificate does not carry is traced as
/// <c>xmpp-domain-mismatch</c>), and with router-to-router secure mode it puts its node's cup-xmpp certificate into
/// cup-xmpp-trust ("IM and Presence Service automatically replicates the XMPP certificate within the cluster and
/// across clusters as an XMPP trust certificate"): the database replicates it, the Intercluster Sync Agent carries it
/// to the peer clusters. The XCP connection managers it brings down and back are its siblings
/// (<see cref="XcpConnectionManagerService"/>); the Service Manager applies that rule.
/// </summary>
public sealed class XcpRouterService : ServiceActor
{
    public XcpRouterService(NodeContext node, ServiceLoad load) : base(node, load)
    {
        if (load.Active.XmppRouterToRouterSecureMode == true)
            load.Database.Tell(new TrustOwnXmppCertificate("XMPP certificate of " + load.Setup.Name + " (router-to-router secure mode)"));
    }

    public static new Props Props(NodeContext node, ServiceLoad load) => ActorFactory.Props(() => new XcpRouterService(node, load));
}
