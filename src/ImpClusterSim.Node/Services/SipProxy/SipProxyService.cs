using Akka.Actor;
using ImpClusterSim.Domain.Certificates;
using ImpClusterSim.Node.Ports;
using ImpClusterSim.Node.Runtime;
using ImpClusterSim.Domain.Tls;
using ImpClusterSim.Pki;

namespace ImpClusterSim.Node.Services;

/// <summary>
/// Cisco SIP Proxy (<c>/user/node/cisco-sip-proxy</c>): presents the cup certificate it loaded at start and
/// authenticates TLS clients (mutual TLS): the client's chain must validate against the cup-trust it loaded, at the
/// node's clock, in the node's FIPS mode, and the client's subject must be selected in
/// <c>Default_Cisco_UPS_SIP_Proxy_Peer_Auth_TLS_Context</c> as loaded (TLS peer subjects and TLS context, the guide's
/// "Configure the SIP proxy"). Each verdict that differs from the last one for the same client is traced as
/// <c>tls-verdict</c>. The SIP intra-cluster transport it loaded is in <see cref="ServiceLoad.Active"/>.
/// </summary>
public sealed class SipProxyService : ServiceActor
{
    private readonly Dictionary<string, string> _lastVerdict = new(StringComparer.Ordinal);

    public SipProxyService(NodeContext node, ServiceLoad load) : base(node, load)
    {
    }

    public static new Props Props(NodeContext node, ServiceLoad load) => ActorFactory.Props(() => new SipProxyService(node, load));

    protected override IReadOnlyList<string> RefuseClient(NetworkEnvelope from, TlsHello hello)
    {
        var reasons = Refusals(hello);
        var verdict = reasons.Count == 0 ? "accepted" : "refused: " + string.Join("; ", reasons);
        var client = from.FromNode + "/" + from.FromService;
        if (!_lastVerdict.TryGetValue(client, out var last) || last != verdict)
        {
            _lastVerdict[client] = verdict;
            Node.Record(Path, "tls-verdict", ("client", client), ("subject", hello.ClientChain.IsDefaultOrEmpty ? "" : hello.ClientChain[0].SubjectCommonName),
                ("verdict", reasons.Count == 0 ? "accepted" : "refused"), ("reason", string.Join("; ", reasons)));
        }
        return reasons;
    }

    private List<string> Refusals(TlsHello hello)
    {
        var reasons = new List<string>();
        if (hello.ClientChain.IsDefaultOrEmpty)
        {
            reasons.Add("the client presented no certificate");
            return reasons;
        }
        var leaf = hello.ClientChain[0];
        if (hello.ClientFips != Load.Certificates.Fips) reasons.Add("FIPS and non-FIPS peers do not connect");
        var trust = Load.Certificates.GetTrustStore(TrustStoreNames.CupTrust);
        var verdict = ChainValidator.Validate(leaf, hello.ClientChain.Skip(1), trust,
            ImpValidators.OpenSsl(Node.Clock.Now.ToDateTime()) with { Fips = Load.Certificates.Fips });
        reasons.AddRange(verdict.Reasons);
        if (!Load.Active.SipProxyPeerSubjects.Any(s => string.Equals(s.Name, leaf.SubjectCommonName, StringComparison.OrdinalIgnoreCase)))
            reasons.Add($"TLS peer subject '{leaf.SubjectCommonName}' is not selected in Default_Cisco_UPS_SIP_Proxy_Peer_Auth_TLS_Context");
        return reasons;
    }
}
