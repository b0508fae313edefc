using Akka.Actor;
using ImpClusterSim.Domain.Services;
using ImpClusterSim.Node.Ports;
using ImpClusterSim.Pki;

namespace ImpClusterSim.Node.Runtime;

/// <summary>
/// The server side of TLS for every service of the node: a running service presents the certificate it loaded when it
/// started (and the CA certificates the node held then); the Cisco SIP Proxy also authenticates the client against the
/// cup-trust and the TLS context it loaded. A service that is not running refuses the connection (see Route).
/// </summary>
public sealed partial class NodePlatform
{
    private void ReceiveTls() => Receive<NetworkEnvelope>(e => e.Payload is TlsHello, OnTlsHello);

    private void OnTlsHello(NetworkEnvelope e)
    {
        var hello = (TlsHello)e.Payload;
        if (!_loads.TryGetValue(e.ToService, out var load) || load.Definition.PresentsCertificate is not { } unitName)
        {
            Route(e);
            return;
        }
        var chain = Services.NodePlatformChains.Presented(load, CertificateUnit.Parse(unitName));
        var reasons = e.ToService == ServiceNames.CiscoSipProxy ? SipProxyRefuses(load, hello) : [];
        _node.Network.Send(e.ToService, e.FromNode, e.FromService,
            new TlsServerHello(hello.ConnectionId, chain, load.Certificates.Fips, reasons.Count == 0, [.. reasons]));
    }

    /// <summary>Mutual TLS on the SIP Proxy: the client's certificate must be trusted in cup-trust and its subject selected in the TLS context.</summary>
    private List<string> SipProxyRefuses(ServiceLoad load, TlsHello hello)
    {
        var reasons = new List<string>();
        if (hello.ClientChain.IsDefaultOrEmpty)
        {
            reasons.Add("the client presented no certificate");
            return reasons;
        }
        var leaf = hello.ClientChain[0];
        if (hello.ClientFips != load.Certificates.Fips) reasons.Add("FIPS and non-FIPS peers do not connect");
        var trust = load.Certificates.GetTrustStore(Domain.Certificates.TrustStoreNames.CupTrust);
        var verdict = ChainValidator.Validate(leaf, hello.ClientChain.Skip(1), trust,
            new ValidationOptions(_node.Clock.Now.ToDateTime()) { Fips = load.Certificates.Fips });
        reasons.AddRange(verdict.Reasons);
        if (!load.Active.SipProxyPeerSubjects.Any(s => string.Equals(s.Name, leaf.SubjectCommonName, StringComparison.OrdinalIgnoreCase)))
            reasons.Add($"TLS peer subject '{leaf.SubjectCommonName}' is not selected in Default_Cisco_UPS_SIP_Proxy_Peer_Auth_TLS_Context");
        return reasons;
    }
}
