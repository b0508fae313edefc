using Akka.Actor;
using ImpClusterSim.Domain.Services;
using ImpClusterSim.Node.Runtime;

namespace ImpClusterSim.Node.Services;

/// <summary>
/// An XCP connection manager: Cisco XCP Connection Manager and Cisco XCP Web Connection Manager (cup-xmpp, XMPP
/// client and web client secure modes as loaded) and, on federation nodes, Cisco XCP XMPP Federation Connection Manager
/// (cup-xmpp-s2s, port 5269). Each presents the certificate it loaded at start; it starts only once the Cisco XCP
/// Router is Started.
/// </summary>
public sealed class XcpConnectionManagerService : ServiceActor
{
    public XcpConnectionManagerService(NodeContext node, ServiceLoad load) : base(node, load)
    {
    }

    /// <summary>Whether clients must use TLS with this connection manager (as loaded at its start); null where no setting applies.</summary>
    public bool? SecureMode => Load.Definition.Name switch
    {
        ServiceNames.CiscoXcpConnectionManager => Load.Active.XmppClientToImpSecureMode,
        ServiceNames.CiscoXcpWebConnectionManager => Load.Active.WebClientToImpSecureMode,
        _ => null,
    };

    public static new Props Props(NodeContext node, ServiceLoad load) => ActorFactory.Props(() => new XcpConnectionManagerService(node, load));
}
