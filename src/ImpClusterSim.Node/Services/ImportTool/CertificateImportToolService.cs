using System.Collections.Immutable;
using Akka.Actor;
using ImpClusterSim.Domain.Tls;
using ImpClusterSim.Domain.Topology;
using ImpClusterSim.Node.Ports;
using ImpClusterSim.Node.Runtime;

namespace ImpClusterSim.Node.Services;

/// <summary>
/// The Certificate Import Tool of Cisco Unified CM IM and Presence Administration on the database publisher
/// (<c>/user/node/certificate-import-tool</c>, resident): connects to the peer's service at host:port over the
/// network, verifies what it presents with the domain's rules (<see cref="CertificateImportTool"/>), and has the
/// database import it into the chosen trust store (replicated to the cluster) and add the TLS peer subject to the list
/// and to the SIP Proxy's TLS context; the page answers once that is on disk. A peer that does not answer within
/// <see cref="Timeout"/> is unreachable.
/// </summary>
public sealed class CertificateImportToolService : ReceiveActor, IWithTimers, IFollowsDatabase
{
    /// <summary>The tool's display name, the service name its connections come from.</summary>
    public const string DisplayName = "Certificate Import Tool";

    /// <summary>How long the tool waits for the peer's answer (virtual time).</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly NodeContext _node;
    private readonly NodeSetup _setup;
    private readonly IActorRef _database;
    private readonly string _path;
    private readonly Dictionary<long, CertificateImportToolOperation> _imports = [];
    private NodeDatabaseState _db;
    private long _nextConnection;

    public ITimerScheduler Timers { get; set; } = null!;

    public CertificateImportToolService(NodeContext node, ResidentSetup resident)
    {
        _node = node;
        _setup = resident.Setup;
        _database = resident.Database;
        _db = resident.State;
        _path = Self.Path.ToStringWithoutAddress();
        Receive<DatabaseChanged>(c => _db = c.State);
        Receive<NetworkEnvelope>(e => _imports.ContainsKey(ConnectionOf(e.Payload)), OnAnswer);
        Receive<ImportTimedOut>(t => Finish(t.ConnectionId, reachable: false, []));
        Receive<CertificateImportToolOperation>(OnOperation);
    }

    public static Props Props(NodeContext node, ResidentSetup resident) => ActorFactory.Props(() => new CertificateImportToolService(node, resident));

    private void OnOperation(CertificateImportToolOperation op)
    {
        if (_setup.Node.Kind != NodeKind.Imp || !_setup.IsPublisher)
        {
            op.ReplyTo.Tell(new AdminReply(_node.NodeName, op.MenuPath, false,
                [$"Cisco Unified CM IM and Presence Administration runs on the database publisher {_setup.Publisher.Name}"]));
            return;
        }
        if (CertificateImportTool.TrustStoreFor(op.TrustStore) is null)
        {
            op.ReplyTo.Tell(new AdminReply(_node.NodeName, op.MenuPath, false, [$"Unknown Certificate Trust Store '{op.TrustStore}'"]));
            return;
        }
        var id = ++_nextConnection;
        var peer = _setup.Resolve(op.PeerHost);
        var service = peer is null ? null : ServicePorts.ServiceAt(op.Port, peer.Kind);
        _imports[id] = op;
        if (peer is null || service is null)
        {
            // No such host (or nothing listens on that port): nothing answers.
            Self.Tell(new ImportTimedOut(id));
            return;
        }
        _node.Network.Send(DisplayName, peer.Name, service, new TlsHello(id, op.PeerHost, [], _db.Certificates.Fips));
        Timers.StartSingleTimer("import:" + id, new ImportTimedOut(id), Timeout);
    }

    private static long ConnectionOf(object payload) => payload switch
    {
        TlsServerHello h => h.ConnectionId,
        ServiceUnavailable { Request: TlsHello h } => h.ConnectionId,
        _ => -1,
    };

    private void OnAnswer(NetworkEnvelope e)
    {
        var id = ConnectionOf(e.Payload);
        Timers.Cancel("import:" + id);
        var chain = e.Payload is TlsServerHello hello ? hello.ServerChain : [];
        Finish(id, reachable: e.Payload is TlsServerHello, chain);
    }

    private void Finish(long id, bool reachable, ImmutableArray<Pki.Certificate> chain)
    {
        if (!_imports.Remove(id, out var op)) return;
        var report = CertificateImportTool.Run(_db.Certificates,
            new CertificateImportRequest(op.TrustStore, op.PeerHost, op.Port, reachable, chain, _node.Clock.Now.ToDateTime()));
        _node.Record(_path, "certificate-import-tool", ("peer", $"{op.PeerHost}:{op.Port}"),
            ("reachability", report.Reachability), ("verification", report.Verification));
        var reply = new AdminReply(_node.NodeName, op.MenuPath, report.Verified, report.Lines);
        if (report.Verified) _database.Tell(new SaveImportToolResult(report, op.ReplyTo, reply));
        else op.ReplyTo.Tell(reply);
    }

    private sealed record ImportTimedOut(long ConnectionId);
}
