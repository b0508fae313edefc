using System.Collections.Immutable;
using Akka.Actor;
using ImpClusterSim.Domain.Certificates;
using ImpClusterSim.Domain.Services;
using ImpClusterSim.Domain.Tls;
using ImpClusterSim.Node.Ports;
using ImpClusterSim.Node.Runtime;
using ImpClusterSim.Pki;

namespace ImpClusterSim.Node.Services;

/// <summary>
/// Cisco CallManager on a CUCM node, as far as the guide's exchange with IM&amp;P goes: for each SIP trunk whose
/// security profile is TLS, it keeps a TLS connection to the Cisco SIP Proxy of each destination (re-checked every
/// minute, as SIP OPTIONS keepalives would). The connection is secure only when each side trusts the other (the SIP
/// Proxy checks the CallManager certificate against cup-trust and its TLS context; CallManager checks the IM&amp;P
/// certificate against Callmanager-trust) and the IM&amp;P certificate's subject CN matches the profile's X.509 subject
/// name. Everything it uses was loaded when the service started. As a TLS server (port 5061) it presents the
/// CallManager certificate (<see cref="ServiceActor"/>). Its actor is <c>/user/node/cisco-callmanager</c>.
/// </summary>
public sealed class CallManagerService : ServiceActor, IWithTimers
{
    public static readonly TimeSpan KeepaliveInterval = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);

    private readonly NodeContext _node;
    private readonly ServiceLoad _load;
    private readonly string _path;
    private readonly Dictionary<long, (SipTrunk Trunk, string Destination)> _pending = [];
    private readonly SortedDictionary<string, SipTrunkStatus> _status = new(StringComparer.Ordinal);
    private long _nextConnection;

    public ITimerScheduler Timers { get; set; } = null!;

    public CallManagerService(NodeContext node, ServiceLoad load) : base(node, load)
    {
        _node = node;
        _load = load;
        _path = Path;
        Receive<Keepalive>(_ => ConnectAll());
        Receive<NetworkEnvelope>(e => e.Payload is TlsServerHello h && _pending.ContainsKey(h.ConnectionId), e => OnServerHello((TlsServerHello)e.Payload));
        Receive<NetworkEnvelope>(e => e.Payload is ServiceUnavailable { Request: TlsHello h } && _pending.ContainsKey(h.ConnectionId),
            e => Conclude(((TlsHello)((ServiceUnavailable)e.Payload).Request).ConnectionId, false, "Cisco SIP Proxy is not running on the destination"));
        Receive<ConnectTimedOut>(t => Conclude(t.ConnectionId, false, "no answer from the destination (unreachable)"));
        Receive<QuerySipTrunks>(q => q.ReplyTo.Tell(new SipTrunksSnapshot(_node.NodeName, [.. _status.Values])));
        // The trunks it keeps connections for were loaded at the start: without a TLS trunk there is nothing to re-check.
        if (TlsTrunks().Any()) Timers.StartPeriodicTimer("keepalive", Keepalive.Instance, TimeSpan.Zero, KeepaliveInterval);
    }

    public static new Props Props(NodeContext node, ServiceLoad load) => ActorFactory.Props(() => new CallManagerService(node, load));

    private void ConnectAll()
    {
        var chain = PresentedChain.Of(_load, CertificateUnit.CallManager);
        foreach (var trunk in TlsTrunks())
        {
            foreach (var destination in trunk.Destinations)
            {
                var target = _load.Setup.Resolve(destination);
                var id = ++_nextConnection;
                _pending[id] = (trunk, destination);
                Timers.StartSingleTimer("connect:" + id, new ConnectTimedOut(id), ConnectTimeout);
                if (target is not null)
                    _node.Network.Send(ServiceNames.CiscoCallManager, target.Name, ServiceNames.CiscoSipProxy,
                        new TlsHello(id, destination, chain, _load.Certificates.Fips));
            }
        }
    }

    /// <summary>The loaded SIP trunks whose security profile is TLS, in the configuration's order.</summary>
    private IEnumerable<SipTrunk> TlsTrunks() =>
        _load.State.Cucm.Trunks.Values.Where(t => _load.State.Cucm.Profiles.TryGetValue(t.SecurityProfile, out var profile) && profile.Tls);

    private void OnServerHello(TlsServerHello hello)
    {
        var (trunk, destination) = _pending[hello.ConnectionId];
        var reasons = new List<string>();
        if (!hello.ClientAccepted) reasons.AddRange(hello.Reasons.Select(r => "the SIP Proxy refused CallManager: " + r));
        if (hello.ServerChain.IsDefaultOrEmpty) reasons.Add("the SIP Proxy presented no certificate");
        else
        {
            var leaf = hello.ServerChain[0];
            var verdict = TlsConnectionCheck.Evaluate(new TlsConnectionAttempt(
                _load.Certificates.GetTrustStore(TrustStoreNames.CallManagerTrust), leaf, [.. hello.ServerChain.Skip(1)],
                destination, _node.Clock.Now.ToDateTime(), _load.Certificates.Fips, hello.ServerFips));
            reasons.AddRange(verdict.Failures.Select(f => f.Message));
            var profile = _load.State.Cucm.Profiles[trunk.SecurityProfile];
            if (!profile.X509SubjectNames.Contains(leaf.SubjectCommonName, StringComparer.OrdinalIgnoreCase))
                reasons.Add($"the IM and Presence certificate's subject CN '{leaf.SubjectCommonName}' does not match the trunk's X.509 subject name '{profile.X509SubjectName}'");
        }
        Conclude(hello.ConnectionId, reasons.Count == 0, string.Join("; ", reasons));
    }

    private void Conclude(long id, bool secure, string reason)
    {
        if (!_pending.Remove(id, out var attempt)) return;
        Timers.Cancel("connect:" + id);
        var key = attempt.Trunk.Name + "|" + attempt.Destination;
        var status = new SipTrunkStatus(attempt.Trunk.Name, attempt.Destination, secure, secure ? "" : reason, _node.Clock.Now);
        if (_status.TryGetValue(key, out var old) && old.Secure == status.Secure && old.Reason == status.Reason) return;
        _status[key] = status;
        _node.Record(_path, "sip-trunk", ("trunk", status.Trunk), ("destination", status.Destination),
            ("status", secure ? "secure" : "not secure"), ("reason", status.Reason));
    }

    private sealed class Keepalive
    {
        public static readonly Keepalive Instance = new();
    }

    private sealed record ConnectTimedOut(long ConnectionId);
}

/// <summary>Asks Cisco CallManager for the state of its TLS SIP trunks; the reply is a <see cref="SipTrunksSnapshot"/>.</summary>
public sealed record QuerySipTrunks(IActorRef ReplyTo);

/// <summary>The reply to <see cref="QuerySipTrunks"/>: a row per TLS SIP trunk and destination, secure or not with the reason.</summary>
public sealed record SipTrunksSnapshot(string Node, ImmutableArray<SipTrunkStatus> Trunks);

/// <summary>One trunk destination: secure or not (and why), since when.</summary>
public sealed record SipTrunkStatus(string Trunk, string Destination, bool Secure, string Reason, Domain.Time.SimInstant Since);
