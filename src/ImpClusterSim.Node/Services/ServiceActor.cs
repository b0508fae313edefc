using Akka.Actor;
using ImpClusterSim.Domain.Settings;
using ImpClusterSim.Node.Ports;
using ImpClusterSim.Node.Runtime;
using ImpClusterSim.Pki;

namespace ImpClusterSim.Node.Services;

/// <summary>
/// A running service (child of the node's Service Manager, named after the service, e.g. <c>/user/node/cisco-tomcat</c>):
/// it exists while its service is Started and works from what it loaded at start (<see cref="ServiceLoad"/>). As a TLS
/// server it presents its unit's certificate and the CA certificates the node held then; a service that authenticates
/// clients (Cisco SIP Proxy) says why it refuses one. Services with behaviour of their own derive from it.
/// </summary>
public class ServiceActor : ReceiveActor
{
    public ServiceActor(NodeContext node, ServiceLoad load)
    {
        Node = node;
        Load = load;
        Path = Self.Path.ToStringWithoutAddress();
        foreach (var e in load.Loaded)
        {
            switch (e)
            {
                case SettingActivated a:
                    Node.Record(Path, "setting-active", ("setting", a.Setting.ToString()), ("value", a.Value), ("service", load.Definition.Name));
                    break;
                case DomainMismatchDetected m:
                    Node.Record(Path, "xmpp-domain-mismatch", ("domain", m.Mismatch.ToString()));
                    break;
            }
        }
        Receive<NetworkEnvelope>(e => e.Payload is TlsHello, e => ServeTls(e, (TlsHello)e.Payload));
    }

    protected NodeContext Node { get; }

    protected ServiceLoad Load { get; }

    /// <summary>This actor's path, which the trace names for what it decides.</summary>
    protected string Path { get; }

    public static Props Props(NodeContext node, ServiceLoad load) => ActorFactory.Props(() => new ServiceActor(node, load));

    /// <summary>Why this service refuses the client of <paramref name="hello"/> (empty: accepted). Servers that do not authenticate clients accept all.</summary>
    protected virtual IReadOnlyList<string> RefuseClient(NetworkEnvelope from, TlsHello hello) => [];

    private void ServeTls(NetworkEnvelope e, TlsHello hello)
    {
        if (Load.Definition.PresentsCertificate is not { } unitName)
        {
            // A pure client presents nothing: the connection is refused as by a closed port.
            Node.Network.Send(e.ToService, e.FromNode, e.FromService, new ServiceUnavailable(e.ToService, hello));
            return;
        }
        var chain = PresentedChain.Of(Load, CertificateUnit.Parse(unitName));
        var reasons = RefuseClient(e, hello);
        Node.Network.Send(e.ToService, e.FromNode, e.FromService,
            new TlsServerHello(hello.ConnectionId, chain, Load.Certificates.Fips, reasons.Count == 0, [.. reasons]));
    }

    /// <summary>Whatever a service does not handle is ignored (no dead-letter noise): a closed port drops it.</summary>
    protected override void Unhandled(object message)
    {
    }
}
