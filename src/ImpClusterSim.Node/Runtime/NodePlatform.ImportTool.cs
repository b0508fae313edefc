using System.Collections.Immutable;
using Akka.Actor;
using ImpClusterSim.Domain.Tls;
using ImpClusterSim.Domain.Topology;
using ImpClusterSim.Node.Ports;

namespace ImpClusterSim.Node.Runtime;

/// <summary>
/// The Certificate Import Tool: connects to the peer's service at host:port over the simulated network, verifies what
/// it presents with the domain's rules, imports it into the chosen trust store (replicated to the cluster) and adds the
/// TLS peer subject to the list and to the SIP Proxy's TLS context. A peer that does not answer is unreachable.
/// </summary>
public sealed partial class NodePlatform
{
    public static readonly TimeSpan ImportToolTimeout = TimeSpan.FromSeconds(10);
    private const string ImportToolService = "Certificate Import Tool";

    private readonly Dictionary<long, CertificateImportToolOperation> _imports = [];
    private long _nextConnection;

    private void ReceiveCertificateImportTool()
    {
        Receive<NetworkEnvelope>(e => e.Payload is TlsServerHello or ServiceUnavailable { Request: TlsHello } && _imports.ContainsKey(ConnectionOf(e.Payload)), OnImportAnswer);
        Receive<ImportTimedOut>(OnImportTimedOut);
        Receive<CertificateImportToolOperation>(OnCertificateImportTool);
    }

    private void OnCertificateImportTool(CertificateImportToolOperation op)
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
        _node.Network.Send(ImportToolService, peer.Name, service, new TlsHello(id, op.PeerHost, [], _state.Certificates.Fips));
        Timers.StartSingleTimer("import:" + id, new ImportTimedOut(id), ImportToolTimeout);
    }

    private static long ConnectionOf(object payload) => payload switch
    {
        TlsServerHello h => h.ConnectionId,
        ServiceUnavailable { Request: TlsHello h } => h.ConnectionId,
        _ => -1,
    };

    private void OnImportAnswer(NetworkEnvelope e)
    {
        var id = ConnectionOf(e.Payload);
        Timers.Cancel("import:" + id);
        var chain = e.Payload is TlsServerHello hello ? hello.ServerChain : [];
        FinishImport(id, reachable: e.Payload is TlsServerHello, chain);
    }

    private void OnImportTimedOut(ImportTimedOut t) => FinishImport(t.ConnectionId, reachable: false, []);

    private void FinishImport(long id, bool reachable, ImmutableArray<Pki.Certificate> chain)
    {
        if (!_imports.Remove(id, out var op)) return;
        var report = CertificateImportTool.Run(_state.Certificates,
            new CertificateImportRequest(op.TrustStore, op.PeerHost, op.Port, reachable, chain, _node.Clock.Now.ToDateTime()));
        if (report.Verified)
        {
            var imported = CertificateImportTool.ImportInto(_state.Certificates, report);
            if (imported.Accepted) AcceptLocalCertificateChange(imported);
            var settings = CertificateImportTool.ApplyPeerSubject(_state.Settings, report);
            if (settings != _state.Settings)
            {
                Persist(_state with { Settings = settings, SettingsVersion = _state.SettingsVersion + 1 });
                SchedulePushToSubscribers();
            }
        }
        _node.Record(_path, "certificate-import-tool", ("peer", $"{op.PeerHost}:{op.Port}"),
            ("reachability", report.Reachability), ("verification", report.Verification));
        op.ReplyTo.Tell(new AdminReply(_node.NodeName, op.MenuPath, report.Verified, report.Lines));
    }

    private sealed record ImportTimedOut(long ConnectionId);
}
