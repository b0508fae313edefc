using System.Collections.Immutable;
using Akka.Actor;
using ImpClusterSim.Domain.Certificates;
using ImpClusterSim.Domain.Intercluster;
using ImpClusterSim.Domain.Services;
using ImpClusterSim.Domain.Topology;
using ImpClusterSim.Node.Ports;
using ImpClusterSim.Pki;

namespace ImpClusterSim.Node.Runtime;

/// <summary>
/// The Cisco Intercluster Sync Agent on the IM&amp;P database publisher: the domain's <see cref="InterclusterSyncAgent"/>
/// decides; this part keeps its timers, carries each sync over the simulated network to the peer publisher's Cisco
/// Tomcat (AXL over HTTPS), answers the peers' syncs, imports what the agent decides into the local stores (cluster
/// replication then spreads it) and traces every status change and certificate exchange. The agent works only while
/// its service is Started: a stop interrupts the syncs in flight.
/// </summary>
public sealed partial class NodePlatform
{
    private readonly Dictionary<long, PendingSync> _syncs = [];
    private PeerStatusPanel? _panel;
    private long _nextSync;

    private bool IcsaRunning => _state.Icsa is not null && _running.ContainsKey(ServiceNames.CiscoInterclusterSyncAgent);

    private void ReceiveIntercluster()
    {
        Receive<NetworkEnvelope>(e => e.Payload is IcsaSyncRequest, OnIcsaSyncRequest);
        Receive<NetworkEnvelope>(e => e.Payload is IcsaSyncResponse or IcsaAgentRestartedNotice or ServiceUnavailable { Request: IcsaSyncRequest }, OnIcsaAnswer);
        Receive<SyncDue>(OnSyncDue);
        Receive<SyncTimedOut>(t => CompleteSync(t.SyncId, PeerReachability.Timeout, [], false, null));
        Receive<SyncResolved>(r => SendSyncRequest(r.SyncId));
        Receive<InterclusterOperation>(OnInterclusterOperation);
        Receive<PanelRefresh>(_ => RefreshPanel());
        Receive<QueryPeerStatus>(q => q.ReplyTo.Tell(PeerStatus()));
        Receive<RunSystemTroubleshooter>(q => q.ReplyTo.Tell(Troubleshooter()));
    }

    private void OnInterclusterOperation(InterclusterOperation op)
    {
        if (_state.Icsa is null)
        {
            op.ReplyTo.Tell(new AdminReply(_node.NodeName, op.MenuPath, false,
                [$"Presence > Inter-Clustering is configured on the IM and Presence database publisher {_setup.Publisher.Name}"]));
            return;
        }
        var before = _state.Icsa;
        var result = ApplyIcsa(op.Command);
        var accepted = result.Agent != before || op.Command is ForceManualSync && before.States.ContainsKey(((ForceManualSync)op.Command).PeerAddress);
        _node.Record(_path, "intercluster-operation", ("operation", op.Command.GetType().Name), ("message", result.Message ?? ""));
        op.ReplyTo.Tell(new AdminReply(_node.NodeName, op.MenuPath, accepted, [result.Message ?? ""]));
    }

    /// <summary>Applies a command to the agent, keeps the new agent on disk, and carries out the effects.</summary>
    private IcsaResult ApplyIcsa(IcsaCommand command)
    {
        var result = _state.Icsa!.Apply(command, _node.Clock.Now);
        if (result.Agent != _state.Icsa) Persist(_state with { Icsa = result.Agent });
        foreach (var effect in result.Effects) Carry(effect);
        return result;
    }

    private void Carry(IcsaEffect effect)
    {
        switch (effect)
        {
            case StartSync s when IcsaRunning:
                StartSync(s.PeerAddress, s.ResyncTomcat);
                break;
            case NotifyPeerAgentRestarted n when IcsaRunning && _setup.Resolve(n.PeerAddress) is { } peer:
                _node.Network.Send(ServiceNames.CiscoInterclusterSyncAgent, peer.Name, ServiceNames.CiscoInterclusterSyncAgent,
                    new IcsaAgentRestartedNotice(_setup.Name));
                break;
            case ScheduleSync s:
                Timers.StartSingleTimer("icsa-sync:" + s.PeerAddress, new SyncDue(s.PeerAddress), s.At - _node.Clock.Now);
                break;
            case ImportCertificate i:
                Import(i);
                break;
            case RaiseAlarm a:
                _node.Record(_path, "alarm", ("name", a.Alarm.Name), ("peer", a.Alarm.PeerAddress), ("detail", a.Alarm.Detail));
                break;
            case PeerStatusChanged c:
                _node.Record(_path, "peer-status", ("peer", c.PeerAddress), ("status", c.To.Text));
                break;
        }
    }

    /// <summary>
    /// A sync timer fired. Timers are keyed per peer, so this is the latest schedule: it is due now, whatever a skew
    /// fault did to the node's wall clock meanwhile (the agent's times are read on that clock).
    /// </summary>
    private void OnSyncDue(SyncDue due)
    {
        if (IcsaRunning) ApplyIcsa(due with { Elapsed = true });
    }

    private void StartSync(string peerAddress, bool resync)
    {
        var id = ++_nextSync;
        var lookup = _setup.Lookup(peerAddress);
        var peer = lookup?.Node;
        _syncs[id] = new PendingSync(peerAddress, resync, peer);
        Timers.StartSingleTimer("icsa-timeout:" + id, new SyncTimedOut(id), _setup.Timings.IcsaRequestTimeout);
        // The name does not resolve (unknown, or a name-resolution fault): nothing answers, the sync times out.
        if (lookup is not { Resolution.Resolves: true } found) return;
        // A slow resolver: the request leaves once the name is resolved, on the same timeout.
        if (found.Resolution.Delay > TimeSpan.Zero) Timers.StartSingleTimer("icsa-resolved:" + id, new SyncResolved(id), found.Resolution.Delay);
        else SendSyncRequest(id);
    }

    private void SendSyncRequest(long id)
    {
        if (!_syncs.TryGetValue(id, out var pending) || pending.Peer is not { } peer) return;
        var entry = _state.Icsa!.Peers.Find(pending.PeerAddress);
        _node.Network.Send(ServiceNames.CiscoInterclusterSyncAgent, peer.Name, ServiceNames.CiscoTomcat,
            new IcsaSyncRequest(id, _setup.Name, entry?.AxlUsername ?? "", entry?.AxlPassword ?? ""));
    }

    /// <summary>This publisher's Cisco Tomcat answers a peer's sync (AXL); Route already refused it if Tomcat is not running.</summary>
    private void OnIcsaSyncRequest(NetworkEnvelope e)
    {
        var request = (IcsaSyncRequest)e.Payload;
        if (!_loads.TryGetValue(ServiceNames.CiscoTomcat, out var tomcat))
        {
            Route(e);
            return;
        }
        var caller = _setup.Deployment.FindNode(request.CallerNode);
        var axlStarted = _running.ContainsKey(ServiceNames.CiscoAxlWebService);
        var credentials = request.AxlUsername == InterclusterApplicationUser.Username && request.AxlPassword == InterclusterApplicationUser.Password;
        var reachability = _state.Icsa is null || caller is null
            ? PeerReachability.NotConfiguredOnPeer
            : _state.Icsa.Peers.Answer(caller, axlStarted, credentials);
        var certs = _state.Certificates;
        var routerToRouter = _state.Settings.XmppRouterToRouterSecureMode;
        _node.Network.Send(ServiceNames.CiscoTomcat, e.FromNode, e.FromService, new IcsaSyncResponse(
            request.SyncId,
            reachability,
            Services.NodePlatformChains.Presented(tomcat, CertificateUnit.Tomcat),
            certs.Fips,
            [.. certs.GetTrustStore(TrustStoreNames.TomcatTrust).Certificates],
            [.. certs.GetTrustStore(TrustStoreNames.CupXmppTrust).Certificates],
            routerToRouter ? ClusterXmppCertificates() : []));
    }

    /// <summary>The cup-xmpp certificates of this cluster's nodes: this node's own and those replicated into cup-xmpp-trust.</summary>
    private ImmutableArray<Certificate> ClusterXmppCertificates()
    {
        var fqdns = new HashSet<string>(_setup.ClusterPeers.Select(n => n.Fqdn).Append(_setup.Node.Fqdn), StringComparer.OrdinalIgnoreCase);
        var own = _state.Certificates.OwnCertificate(CertificateUnit.CupXmpp)?.Certificate;
        return [.. new[] { own }.OfType<Certificate>()
            .Concat(_state.Certificates.GetTrustStore(TrustStoreNames.CupXmppTrust).Certificates
                .Where(c => !c.IsCertificateAuthority && fqdns.Contains(c.SubjectCommonName)))
            .Distinct()];
    }

    private void OnIcsaAnswer(NetworkEnvelope e)
    {
        switch (e.Payload)
        {
            case IcsaSyncResponse r:
                CompleteSync(r.SyncId, r.Reachability, r.PresentedTomcatChain, r.Fips, r);
                break;
            case ServiceUnavailable { Request: IcsaSyncRequest q }:
                CompleteSync(q.SyncId, PeerReachability.TomcatOrAxlNotStarted, [], false, null);
                break;
            case IcsaAgentRestartedNotice n when IcsaRunning && _setup.Deployment.FindNode(n.FromNode) is { } from:
                ApplyIcsa(new PeerAgentRestarted(from));
                break;
        }
    }

    private void CompleteSync(long id, PeerReachability reachability, ImmutableArray<Certificate> chain, bool peerFips, IcsaSyncResponse? response)
    {
        if (!_syncs.Remove(id, out var pending)) return;
        Timers.Cancel("icsa-timeout:" + id);
        Timers.Cancel("icsa-resolved:" + id);
        var certs = _state.Certificates;
        var attempt = new SyncAttempt(reachability, chain,
            certs.GetTrustStore(TrustStoreNames.TomcatTrust), certs.GetTrustStore(TrustStoreNames.CupXmppTrust), certs.Fips, peerFips)
        {
            ResyncTomcat = pending.ResyncTomcat,
            PeerTomcatTrust = response?.TomcatTrust ?? [],
            PeerCupXmppTrust = response?.CupXmppTrust ?? [],
            PeerCupXmppCertificates = response?.CupXmppCertificates ?? [],
            RouterToRouterSecure = _state.Settings.XmppRouterToRouterSecureMode,
            HostName = pending.Peer?.Fqdn,
        };
        ApplyIcsa(new SyncCompleted(pending.PeerAddress, attempt));
        CheckSecureStatus(pending);
    }

    /// <summary>
    /// The invariant, checked at every sync: never "Connection is secure" unless the chain the peer presented validates
    /// against this publisher's tomcat-trust at its own clock. A violation is traced (and fails any run that watches).
    /// </summary>
    private void CheckSecureStatus(PendingSync sync)
    {
        if (_state.Icsa?.StateOf(sync.PeerAddress) is not { } state) return;
        var snapshot = SecureStatusSnapshot.Of(_setup.Node.Cluster, state, _state.Certificates.GetTrustStore(TrustStoreNames.TomcatTrust),
            _node.Clock.Now, _state.Certificates.Fips, sync.Peer?.Fqdn);
        foreach (var v in SecureStatusInvariant.Check([snapshot]))
            _node.Record(_path, "invariant-violation", ("invariant", v.Invariant), ("detail", v.Detail));
    }

    private void Import(ImportCertificate i)
    {
        var result = _state.Certificates.ImportTrust(i.Import.StoreName, [i.Import.Certificate], $"Synced from intercluster peer {i.PeerAddress}");
        if (result.Accepted) AcceptLocalCertificateChange(result);
        var x = i.Exchange;
        foreach (var v in FipsExchangeInvariant.Check([x]))
            _node.Record(_path, "invariant-violation", ("invariant", v.Invariant), ("detail", v.Detail));
        _node.Record(_path, "certificate-exchange", ("peer", i.PeerAddress), ("store", i.Import.StoreName),
            ("certificate", i.Import.Certificate.SubjectCommonName), ("from-fips", x.FromFips ? "yes" : "no"), ("to-fips", x.ToFips ? "yes" : "no"),
            ("imported", result.Accepted ? "yes" : "no"));
    }

    /// <summary>The Cisco Intercluster Sync Agent reached Started (or left it).</summary>
    private void OnIcsaServiceChanged(bool started)
    {
        if (_state.Icsa is null) return;
        if (started)
        {
            ApplyIcsa(new AgentStarted());
            return;
        }
        foreach (var id in _syncs.Keys)
        {
            Timers.Cancel("icsa-timeout:" + id);
            Timers.Cancel("icsa-resolved:" + id);
        }
        _syncs.Clear();
        foreach (var peer in _state.Icsa.States.Keys) Timers.Cancel("icsa-sync:" + peer);
    }

    /// <summary>
    /// The Inter-cluster Peer Status panel auto-refreshes every 60 seconds of the administrator's (run) time, from the
    /// node's start on: what it shows is the agent's state as of its last refresh, whenever someone looks.
    /// </summary>
    private void StartPeerStatusPanel()
    {
        if (_state.Icsa is null) return;
        _panel = PeerStatusPanel.Empty(_setup.Timings.Icsa).Refresh(_state.Icsa.States.Values, _node.RunClock.Now);
        Timers.StartPeriodicTimer("panel-refresh", PanelRefresh.Instance, _setup.Timings.Icsa.PanelRefresh);
    }

    private void RefreshPanel() =>
        _panel = _panel?.Refresh(_state.Icsa?.States.Values ?? [], _node.RunClock.Now);

    private PeerStatusSnapshot PeerStatus() =>
        new(_node.NodeName, _panel ?? PeerStatusPanel.Empty(_setup.Timings.Icsa), _state.Icsa?.States.Values.ToImmutableArray() ?? []);

    private TroubleshooterReport Troubleshooter()
    {
        var result = InterclusterTroubleshooter.CheckCertificateExchange(_state.Icsa?.States.Values ?? [], _setup.Deployment);
        var text = InterclusterTroubleshooter.Format(result);
        var modes = _replicaFips.Select(p => KeyValuePair.Create(p.Key, p.Value ? Domain.Fips.FipsMode.Fips : Domain.Fips.FipsMode.NonFips))
            .Append(KeyValuePair.Create(_setup.Name, _state.Certificates.Fips ? Domain.Fips.FipsMode.Fips : Domain.Fips.FipsMode.NonFips));
        if (Domain.Fips.MixedFipsCluster.Check(_setup.Node.Cluster, modes) is { } mixed) text += "\n" + mixed.Line;
        return new TroubleshooterReport(_node.NodeName, result, text);
    }

    private sealed record PendingSync(string PeerAddress, bool ResyncTomcat, NodeSpec? Peer);

    private sealed record SyncTimedOut(long SyncId);

    private sealed record SyncResolved(long SyncId);

    private sealed class PanelRefresh
    {
        public static readonly PanelRefresh Instance = new();
    }
}
