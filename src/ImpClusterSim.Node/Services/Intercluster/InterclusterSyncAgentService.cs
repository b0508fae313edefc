using System.Collections.Immutable;
using Akka.Actor;
using ImpClusterSim.Domain.Certificates;
using ImpClusterSim.Domain.Intercluster;
using ImpClusterSim.Domain.Services;
using ImpClusterSim.Domain.Topology;
using ImpClusterSim.Node.Ports;
using ImpClusterSim.Node.Runtime;

namespace ImpClusterSim.Node.Services;

/// <summary>
/// Cisco Intercluster Sync Agent (<c>/user/node/cisco-intercluster-sync-agent</c>) on an IM&amp;P node: the domain's
/// <see cref="InterclusterSyncAgent"/> decides; this actor keeps its timers, carries each sync over the network to the
/// peer publisher's Cisco Tomcat (AXL over HTTPS), notifies peer agents when it restarts, refuses a FIPS/non-FIPS
/// pairing (the domain's rule), has the node's database keep what the agent decided (its peers and their state, with
/// the certificates it imports, in one write; cluster replication then spreads them), traces every status change and
/// certificate exchange, keeps the Inter-cluster Peer Status panel and runs the System Troubleshooter's inter-clustering
/// test. It is resident: the configuration pages and the panel work while the service is stopped; syncs happen only
/// while it is Started (the Service Manager says when, <see cref="ServiceRunning"/>), and a stop interrupts those in
/// flight. On a subscriber there is no agent (peers are configured on the publisher).
/// </summary>
public sealed class InterclusterSyncAgentService : ReceiveActor, IWithTimers, IFollowsDatabase
{
    private readonly NodeContext _node;
    private readonly NodeSetup _setup;
    private readonly IActorRef _database;
    private readonly string _path;
    private readonly Dictionary<long, PendingSync> _syncs = [];
    private NodeDatabaseState _db;
    private InterclusterSyncAgent? _agent;
    private ImmutableSortedDictionary<string, PeerSyncState>? _statesSeen;
    private ImmutableArray<PeerSyncState> _statesArray = [];
    private PeerStatusPanel? _panel;
    private bool _running;
    private long _nextSync;

    public ITimerScheduler Timers { get; set; } = null!;

    public InterclusterSyncAgentService(NodeContext node, ResidentSetup resident)
    {
        _node = node;
        _setup = resident.Setup;
        _database = resident.Database;
        _db = resident.State;
        Agent = resident.State.Icsa;
        _path = Self.Path.ToStringWithoutAddress();

        Receive<ServiceRunning>(r => OnServiceRunning(r.Load is not null));
        Receive<DatabaseChanged>(c => _db = c.State);
        Receive<InterclusterSaveRefused>(OnSaveRefused);
        Receive<NetworkEnvelope>(e => e.Payload is IcsaSyncResponse or IcsaAgentRestartedNotice or ServiceUnavailable { Request: IcsaSyncRequest }, OnAnswer);
        Receive<SyncDue>(OnSyncDue);
        Receive<SyncTimedOut>(t => CompleteSync(t.SyncId, PeerReachability.Timeout, [], false, null));
        Receive<SyncResolved>(r => SendSyncRequest(r.SyncId));
        Receive<InterclusterOperation>(OnInterclusterOperation);
        Receive<QueryPeerStatus>(q => q.ReplyTo.Tell(new PeerStatusSnapshot(_node.NodeName,
            PanelNow() ?? PeerStatusPanel.Empty(_setup.Timings.Icsa), StatesNow())));
        Receive<QueryPeerStates>(q => q.ReplyTo.Tell(new PeerStatesSnapshot(_node.NodeName, StatesNow())));
        Receive<RunTroubleshooterWith>(OnTroubleshooter);
    }

    public static Props? Props(NodeContext node, ResidentSetup resident) =>
        resident.Setup.Node.IsImp ? ActorFactory.Props(() => new InterclusterSyncAgentService(node, resident)) : null;

    /// <summary>
    /// The Inter-cluster Peer Status panel auto-refreshes every 60 seconds of the administrator's (run) time: what it
    /// shows is the agent's state as of its last refresh, whenever someone looks. The administrator opened the page at
    /// some instant, so the refresh grid has a phase of its own, drawn from the seed (whole milliseconds in
    /// (0, refresh]): a step at a given time meets the refresh anywhere in its cycle, not always at the same point.
    /// No timer keeps it: the panel is brought to the last refresh of its grid when someone looks (with the states now)
    /// and just before the states change (with the states they replace), which shows exactly what a refresh every
    /// minute would have taken (<see cref="PeerStatusPanel.At"/>).
    /// </summary>
    protected override void PreStart()
    {
        if (_agent is null) return;
        var refresh = _setup.Timings.Icsa.PanelRefresh;
        var phase = TimeSpan.FromMilliseconds(_node.Random("peer-status-panel").NextInt64(1, (long)refresh.TotalMilliseconds + 1));
        var now = _node.RunClock.Now;
        _panel = PeerStatusPanel.Empty(_setup.Timings.Icsa).Refresh(_agent.States.Values, now).RefreshingNextAt(now + phase);
    }

    /// <summary>The panel as it shows now (refreshed on its grid with the agent's states), or null before the agent has state.</summary>
    private PeerStatusPanel? PanelNow() => _panel = _panel?.At(_agent?.States.Values ?? [], _node.RunClock.Now);

    /// <summary>Whoever asks next gets another answer (or none): the view counts a change.</summary>
    protected override void PostStop()
    {
        _node.Views.PeerStatesChanged();
        base.PostStop();
    }

    private bool Running => _agent is not null && _running;

    /// <summary>
    /// The agent's state; a new one with other peer states counts a change of the peer states view, and the panel first
    /// takes any refresh of its grid that came while the states being replaced held.
    /// </summary>
    private InterclusterSyncAgent? Agent
    {
        set
        {
            if (!ReferenceEquals(value?.States, _agent?.States))
            {
                PanelNow();
                _node.Views.PeerStatesChanged();
            }
            _agent = value;
        }
    }

    /// <summary>
    /// The agent's peer states as an array, built again only when they changed (the chaos checks ask at every instant
    /// something happens; the states are immutable, so the same array answers until the next sync).
    /// </summary>
    private ImmutableArray<PeerSyncState> StatesNow()
    {
        if (_agent is null) return [];
        if (!ReferenceEquals(_statesSeen, _agent.States))
        {
            _statesSeen = _agent.States;
            _statesArray = [.. _agent.States.Values];
        }

        return _statesArray;
    }

    private void OnServiceRunning(bool running)
    {
        _running = running;
        if (_agent is null) return;
        if (running)
        {
            Apply(new AgentStarted());
            return;
        }
        foreach (var id in _syncs.Keys)
        {
            Timers.Cancel("icsa-timeout:" + id);
            Timers.Cancel("icsa-resolved:" + id);
        }
        _syncs.Clear();
        foreach (var peer in _agent.States.Keys) Timers.Cancel("icsa-sync:" + peer);
    }

    private void OnInterclusterOperation(InterclusterOperation op)
    {
        if (_agent is null)
        {
            op.ReplyTo.Tell(new AdminReply(_node.NodeName, op.MenuPath, false,
                [$"Presence > Inter-Clustering is configured on the IM and Presence database publisher {_setup.Publisher.Name}"]));
            return;
        }
        var before = _agent;
        var accepted = false;
        string? message = null;
        // The reply is sent by the database once the change is on disk.
        Apply(op.Command, result =>
        {
            accepted = result.Agent != before || op.Command is ForceManualSync f && before.States.ContainsKey(f.PeerAddress);
            message = result.Message;
            return new AdminReply(_node.NodeName, op.MenuPath, accepted, [result.Message ?? ""]);
        }, op.ReplyTo);
        _node.Record(_path, "intercluster-operation", ("operation", op.Command.GetType().Name), ("message", message ?? ""));
    }

    /// <summary>
    /// Applies a command to the agent and carries out the effects; what changed is kept by the database in one write
    /// (the agent and its imports), and <paramref name="reply"/>'s answer goes out once it is written.
    /// </summary>
    private IcsaResult Apply(IcsaCommand command, Func<IcsaResult, object>? reply = null, IActorRef? replyTo = null)
    {
        var before = _agent!;
        var result = before.Apply(command, _node.Clock.Now);
        Agent = result.Agent;
        var imports = ImmutableArray.CreateBuilder<ImportCertificate>();
        var certificates = _db.Certificates;
        foreach (var effect in result.Effects)
        {
            if (effect is ImportCertificate i)
            {
                imports.Add(i);
                certificates = Import(i, certificates);
            }
            else Carry(effect);
        }
        var answer = reply?.Invoke(result);
        if (result.Agent != before || imports.Count > 0) _database.Tell(new SaveIntercluster(result.Agent, imports.ToImmutable(), replyTo, answer));
        else if (answer is not null) replyTo?.Tell(answer);
        // What this agent imported is in its view at once (the database's confirmation follows).
        _db = _db with { Certificates = certificates };
        return result;
    }

    private void Carry(IcsaEffect effect)
    {
        switch (effect)
        {
            case StartSync s when Running:
                StartSync(s.PeerAddress, s.ResyncTomcat);
                break;
            case NotifyPeerAgentRestarted n when Running && _setup.Resolve(n.PeerAddress) is { } peer:
                _node.Network.Send(ServiceNames.CiscoInterclusterSyncAgent, peer.Name, ServiceNames.CiscoInterclusterSyncAgent,
                    new IcsaAgentRestartedNotice(_setup.Name));
                break;
            case ScheduleSync s when Running:
                Timers.StartSingleTimer("icsa-sync:" + s.PeerAddress, new SyncDue(s.PeerAddress), s.At - _node.Clock.Now);
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
        if (Running) Apply(due with { Elapsed = true });
    }

    /// <summary>
    /// Starts a sync with the peer <paramref name="peerAddress"/> names: this node's resolver looks the name up first
    /// (<see cref="NodeSetup.Lookup"/>). A name that does not resolve (unknown, or a name-resolution fault) sends nothing
    /// and the sync times out ("Not reachable"); a slow resolver sends the request once the name is resolved, on the
    /// same request timeout.
    /// </summary>
    private void StartSync(string peerAddress, bool resync)
    {
        var id = ++_nextSync;
        var lookup = _setup.Lookup(peerAddress);
        _syncs[id] = new PendingSync(peerAddress, resync, lookup?.Node);
        Timers.StartSingleTimer("icsa-timeout:" + id, new SyncTimedOut(id), _setup.Timings.IcsaRequestTimeout);
        if (lookup is not { Resolution.Resolves: true } found) return;
        if (found.Resolution.Delay > TimeSpan.Zero) Timers.StartSingleTimer("icsa-resolved:" + id, new SyncResolved(id), found.Resolution.Delay);
        else SendSyncRequest(id);
    }

    private void SendSyncRequest(long id)
    {
        if (!_syncs.TryGetValue(id, out var pending) || pending.Peer is not { } peer) return;
        var entry = _agent!.Peers.Find(pending.PeerAddress);
        _node.Network.Send(ServiceNames.CiscoInterclusterSyncAgent, peer.Name, ServiceNames.CiscoTomcat,
            new IcsaSyncRequest(id, _setup.Name, entry?.AxlUsername ?? "", entry?.AxlPassword ?? ""));
    }

    /// <summary>
    /// The database could not keep a decision (disk fault). If nothing newer was decided since, the agent goes back to
    /// what the disk holds, so what it shows and does is what survives a crash (nothing half-applied). Its timers stay:
    /// a sync timer of a peer it no longer knows finds nothing to do, one of a peer it knows syncs as scheduled.
    /// </summary>
    private void OnSaveRefused(InterclusterSaveRefused refused)
    {
        _db = refused.Persisted;
        if (!ReferenceEquals(_agent, refused.Refused)) return;
        Agent = refused.Persisted.Icsa;
        _node.Record(_path, "intercluster-decision-not-kept", ("reason", "disk write failed"));
    }

    private void OnAnswer(NetworkEnvelope e)
    {
        switch (e.Payload)
        {
            case IcsaSyncResponse r:
                CompleteSync(r.SyncId, r.Reachability, r.PresentedTomcatChain, r.Fips, r);
                break;
            case ServiceUnavailable { Request: IcsaSyncRequest q }:
                CompleteSync(q.SyncId, PeerReachability.TomcatOrAxlNotStarted, [], false, null);
                break;
            case IcsaAgentRestartedNotice n when Running && _setup.Deployment.FindNode(n.FromNode) is { } from:
                Apply(new PeerAgentRestarted(from));
                break;
        }
    }

    private void CompleteSync(long id, PeerReachability reachability, ImmutableArray<Pki.Certificate> chain, bool peerFips, IcsaSyncResponse? response)
    {
        if (!_syncs.Remove(id, out var pending)) return;
        Timers.Cancel("icsa-timeout:" + id);
        Timers.Cancel("icsa-resolved:" + id);
        var certs = _db.Certificates;
        var attempt = new SyncAttempt(reachability, chain,
            certs.GetTrustStore(TrustStoreNames.TomcatTrust), certs.GetTrustStore(TrustStoreNames.CupXmppTrust), certs.Fips, peerFips)
        {
            ResyncTomcat = pending.ResyncTomcat,
            PeerTomcatTrust = response?.TomcatTrust ?? [],
            PeerCupXmppTrust = response?.CupXmppTrust ?? [],
            PeerCupXmppCertificates = response?.CupXmppCertificates ?? [],
            RouterToRouterSecure = _db.Settings.XmppRouterToRouterSecureMode,
            HostName = pending.Peer?.Fqdn,
            LocalUserSyncComplete = _db.UserSyncCompleted,
        };
        Apply(new SyncCompleted(pending.PeerAddress, attempt));
        CheckSecureStatus(pending);
    }

    /// <summary>
    /// The invariant, checked at every sync: never "Connection is secure" unless the chain the peer presented validates
    /// against this publisher's tomcat-trust at its own clock. A violation is traced (and fails any run that watches).
    /// </summary>
    private void CheckSecureStatus(PendingSync sync)
    {
        if (_agent?.StateOf(sync.PeerAddress) is not { } state) return;
        var snapshot = SecureStatusSnapshot.Of(_setup.Node.Cluster, state, _db.Certificates.GetTrustStore(TrustStoreNames.TomcatTrust),
            _node.Clock.Now, _db.Certificates.Fips, sync.Peer?.Fqdn);
        foreach (var v in SecureStatusInvariant.Check([snapshot]))
            _node.Record(_path, "invariant-violation", ("invariant", v.Invariant), ("detail", v.Detail));
    }

    /// <summary>Traces one exchanged certificate (the database imports it) and returns the certificates with it imported.</summary>
    private NodeCertificates Import(ImportCertificate i, NodeCertificates certificates)
    {
        var result = certificates.ImportTrust(i.Import.StoreName, [i.Import.Certificate], $"Synced from intercluster peer {i.PeerAddress}");
        var x = i.Exchange;
        foreach (var v in FipsExchangeInvariant.Check([x]))
            _node.Record(_path, "invariant-violation", ("invariant", v.Invariant), ("detail", v.Detail));
        _node.Record(_path, "certificate-exchange", ("peer", i.PeerAddress), ("store", i.Import.StoreName),
            ("certificate", i.Import.Certificate.SubjectCommonName), ("from-fips", x.FromFips ? "yes" : "no"), ("to-fips", x.ToFips ? "yes" : "no"),
            ("imported", result.Accepted ? "yes" : "no"));
        return result.Accepted ? result.State : certificates;
    }

    private void OnTroubleshooter(RunTroubleshooterWith q)
    {
        var result = InterclusterTroubleshooter.CheckCertificateExchange(_agent?.States.Values ?? [], _setup.Deployment);
        var text = InterclusterTroubleshooter.Format(result);
        var modes = q.NodeFips.Select(p => KeyValuePair.Create(p.Key, p.Value ? Domain.Fips.FipsMode.Fips : Domain.Fips.FipsMode.NonFips));
        if (Domain.Fips.MixedFipsCluster.Check(_setup.Node.Cluster, modes) is { } mixed) text += "\n" + mixed.Line;
        q.ReplyTo.Tell(new TroubleshooterReport(_node.NodeName, result, text));
    }

    private sealed record PendingSync(string PeerAddress, bool ResyncTomcat, NodeSpec? Peer);

    private sealed record SyncTimedOut(long SyncId);

    private sealed record SyncResolved(long SyncId);

}
