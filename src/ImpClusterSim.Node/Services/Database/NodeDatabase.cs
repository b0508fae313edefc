using System.Collections.Immutable;
using Akka.Actor;
using ImpClusterSim.Domain.Certificates;
using ImpClusterSim.Domain.Cli;
using ImpClusterSim.Domain.Replication;
using ImpClusterSim.Domain.Tls;
using ImpClusterSim.Domain.Topology;
using ImpClusterSim.Node.Ports;
using ImpClusterSim.Node.Runtime;
using ImpClusterSim.Pki;

namespace ImpClusterSim.Node.Services;

/// <summary>
/// The node's database (IDS, "A Cisco DB" with "A Cisco DB Replicator"), <c>/user/node/a-cisco-db</c>: the only owner
/// of the node's durable state (<see cref="NodeDatabaseState"/>). It applies the domain's rules for what is stored in
/// it (Certificate Management, security settings, the login banner, CUCM trunk configuration, the intercluster peers
/// the agent decides on), writes each accepted change whole before anyone hears of it, tells the Service Manager
/// (<see cref="DatabaseChanged"/>), and replicates trust certificates and settings between the cluster's publisher and
/// subscribers: the publisher pushes each change to every subscriber after a replication delay drawn from the seed,
/// subscribers forward their own changes and poll the publisher on a phase of their own, so one that was down or cut
/// off catches up when it returns. With the publisher down nothing is distributed (a subscriber's changes wait in its
/// outbox). Runs while the node's platform runs (its life is the node incarnation's).
/// </summary>
public sealed class NodeDatabase : ReceiveActor, IWithTimers
{
    /// <summary>The database's display name (the actor is <c>a-cisco-db</c>).</summary>
    public const string DisplayName = "A Cisco DB";

    private readonly NodeContext _node;
    private readonly NodeSetup _setup;
    private readonly IRandomSource _replicationRandom;
    private readonly string _path;
    private readonly Dictionary<string, (long Applied, Domain.Time.SimInstant At)> _replicaAcks = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, bool> _replicaFips = new(StringComparer.Ordinal);
    private Domain.Time.SimInstant? _lastHeardFromPublisher;
    private bool? _linkToldUp; // what this actor last told the Service Manager's Replication Watcher (null: nothing yet)
    private ClusterReplicationView _clusterView = new([]);
    private NodeDatabaseState _state;

    // Trust certificates deleted on this node only since its boot (9.0(1)): while any is left, Cisco Certificate Change
    // Notification's periodic check asks the cluster database; with none, only its check at its own start does (which
    // also covers deletions made before a crash), so an idle service sends nothing.
    private readonly SortedSet<string> _deletedHere = new(StringComparer.Ordinal);
    private bool _checkedSinceBoot;

    public ITimerScheduler Timers { get; set; } = null!;

    public NodeDatabase(NodeContext node, NodeSetup setup, NodeDatabaseState state)
    {
        _node = node;
        _setup = setup;
        _state = state;
        node.Views.CertificatesChanged(); // a new actor (a restart included) answers from the state it was given
        _replicationRandom = node.Random("replication");
        _path = Self.Path.ToStringWithoutAddress();

        Receive<NetworkEnvelope>(OnReplication);
        Receive<ReplicationPoll>(_ => OnReplicationPoll());
        Receive<CatchUpReplication>(_ =>
        {
            // The Service Manager started all services again after shutting them down (a FIPS reboot), which reset its
            // Replication Watcher: the next answer tells it the link's state again.
            _linkToldUp = null;
            if (_state.TrustLog is null) OnReplicationPoll();
        });
        Receive<PushTo>(OnPushTo);

        Receive<CertificateOperation>(OnCertificateOperation);
        Receive<CheckCertificateChanges>(_ => OnCheckCertificateChanges());
        Receive<QueryCertificates>(q => q.ReplyTo.Tell(new CertificatesSnapshot(_node.NodeName, _state.Certificates)));
        Receive<UploadLoginBanner>(OnUploadBanner);
        Receive<OpenLoginPage>(p => p.ReplyTo.Tell(new LoginPage(_node.NodeName, p.Interface, p.Phase, _state.Banner.ShownOn(p.Interface, p.Phase))));
        Receive<SettingsOperation>(OnSettingsOperation);
        Receive<CucmOperation>(OnCucmOperation);
        Receive<DatabaseCliCommand>(c => c.ReplyTo.Tell(new CliReply(c.Node, c.Line, Cli(c.Command))));

        Receive<SaveIntercluster>(OnSaveIntercluster);
        Receive<SaveImportToolResult>(OnSaveImportToolResult);
        Receive<TrustOwnXmppCertificate>(OnTrustOwnXmppCertificate);
        Receive<SaveUserSyncCompleted>(_ =>
        {
            if (!_state.UserSyncCompleted) Persist(_state with { UserSyncCompleted = true });
        });
        Receive<ChangeFipsMode>(m =>
        {
            var result = ForGeneration.ChangeFipsMode(m.Fips, _node.Clock.Now.ToDateTime());
            if (result.Accepted) AcceptLocalCertificateChange(result);
        });
        Receive<RunSystemTroubleshooter>(q => Context.Parent.Tell(new ToService(Domain.Services.ServiceNames.CiscoInterclusterSyncAgent,
            new RunTroubleshooterWith(_replicaFips.Append(KeyValuePair.Create(_setup.Name, _state.Certificates.Fips))
                .ToImmutableSortedDictionary(StringComparer.Ordinal), q.ReplyTo))));
    }

    public static Props Props(NodeContext node, NodeSetup setup, NodeDatabaseState state) =>
        ActorFactory.Props(() => new NodeDatabase(node, setup, state));

    protected override void PreStart()
    {
        if (_state.TrustLog is null)
        {
            // A subscriber asks the publisher at once when it boots (catch-up), then on a phase of its own drawn from
            // the seed: subscribers do not poll on one shared grid, so a change still takes the replication delay.
            Self.Tell(ReplicationPoll.Instance);
            var phase = TimeSpan.FromTicks(_replicationRandom.NextInt64(1, _setup.Timings.ReplicationPoll.Ticks + 1));
            Timers.StartPeriodicTimer("replication-poll", ReplicationPoll.Instance, phase, _setup.Timings.ReplicationPoll);
        }
    }

    /// <summary>
    /// A disk fault: a write failed (<see cref="DiskWriteFailedException"/>), so the change being persisted was never made
    /// (<see cref="Persist"/> writes before it changes anything in memory, and every handler persists before it tells
    /// anyone). An administrator's operation is refused with the error; the Intercluster Sync Agent hears that its
    /// decision was not kept (<see cref="InterclusterSaveRefused"/>) and goes back to what the disk holds; a replicated
    /// change or a catch-up is not acknowledged, so replication brings it again on its next push or poll.
    /// </summary>
    protected override bool AroundReceive(Receive receive, object message)
    {
        try
        {
            return base.AroundReceive(receive, message);
        }
        catch (DiskWriteFailedException failed)
        {
            _node.Record(_path, "disk-write-failed", ("message", message.GetType().Name), ("key", failed.Key));
            var text = DiskWriteFailedException.Refusal(_node.NodeName);
            switch (message)
            {
                case AdminOperation op:
                    op.ReplyTo.Tell(new AdminReply(_node.NodeName, op.MenuPath, false, [text]));
                    break;
                case DatabaseCliCommand c:
                    c.ReplyTo.Tell(new CliReply(c.Node, c.Line, text));
                    break;
                case SaveIntercluster save:
                    Context.Parent.Tell(new ToService(Domain.Services.ServiceNames.CiscoInterclusterSyncAgent,
                        new InterclusterSaveRefused(save.Agent, _state)));
                    if (save.Reply is AdminReply decided) save.ReplyTo?.Tell(decided with { Accepted = false, Messages = [text] });
                    break;
                case SaveImportToolResult save when save.Reply is AdminReply verified:
                    save.ReplyTo.Tell(verified with { Accepted = false, Messages = [text] });
                    break;
            }
            return true;
        }
    }

    /// <summary>Keeps an accepted change: on disk first (one atomic write), then in memory, then the Service Manager hears of it.</summary>
    private void Persist(NodeDatabaseState next)
    {
        _node.Disk.Put(NodeDatabaseState.DiskKey, next);
        if (!ReferenceEquals(next.Certificates, _state.Certificates)) _node.Views.CertificatesChanged();
        _state = next;
        Context.Parent.Tell(new DatabaseChanged(next));
    }

    // ---- Certificate Management ----

    /// <summary>The certificates with the saved XMPP node-to-node domain for cup-xmpp-s2s's next generation.</summary>
    private NodeCertificates ForGeneration => _state.Certificates.WithXmppDomain(_state.Settings.NodeToNodeDomain);

    private void OnCertificateOperation(CertificateOperation op)
    {
        var certificates = op.Command is RegenerateCertificate or GenerateCsr ? ForGeneration : _state.Certificates;
        var result = certificates.Apply(op.Command, _node.Clock.Now.ToDateTime());
        if (result.Accepted && op.Command is DeleteTrustCertificate && _setup.Timings.TrustDeletion == TrustDeletionScope.PerNode)
        {
            result = TrustDeletion.OnNodeOnly(result, _node.NodeName);
            foreach (var d in result.Events.OfType<TrustCertificateDeletedOnNode>()) _deletedHere.Add(d.Store + "/" + d.FileName);
        }
        if (result.Accepted) AcceptLocalCertificateChange(result);
        _node.Record(_path, "certificate-operation",
            ("operation", op.Command.GetType().Name), ("accepted", result.Accepted ? "yes" : "no"), ("reply", FirstLine(result.Reply)));
        op.ReplyTo.Tell(new AdminReply(_node.NodeName, op.MenuPath, result.Accepted,
            result.Warning is null ? [result.Reply] : [result.Warning, result.Reply]));
    }

    /// <summary>
    /// An accepted change made on this node: on the publisher it enters the cluster database at once; on a subscriber
    /// it waits in the outbox for the publisher. Either way it is on disk before anyone hears of it.
    /// </summary>
    private void AcceptLocalCertificateChange(CertificateResult result, Func<NodeDatabaseState, NodeDatabaseState>? alsoChange = null)
    {
        alsoChange ??= s => s;
        if (_state.TrustLog is { } log)
        {
            var append = log.RecordPublisherChanges(result);
            Persist(alsoChange(_state with { Certificates = result.State, TrustLog = append.Log }));
            if (append.Appended.Length > 0) SchedulePushToSubscribers();
        }
        else
        {
            Persist(alsoChange(_state with { Certificates = result.State, Replica = _state.Replica.RecordLocal(result) }));
            ForwardOutbox();
        }
        foreach (var e in result.Events) TraceCertificateEvent(e, "local");
    }

    private void TraceCertificateEvent(CertificateEvent e, string origin)
    {
        switch (e)
        {
            case TrustCertificateAdded a:
                _node.Record(_path, "trust-added", ("store", a.Store), ("file", a.Entry.FileName), ("origin", origin));
                break;
            case TrustCertificateRemoved r:
                _node.Record(_path, "trust-removed", ("store", r.Store), ("file", r.FileName), ("origin", origin));
                break;
            case TrustCertificateDeletedOnNode d when d.Node == _node.NodeName:
                _node.Record(_path, "trust-removed", ("store", d.Store), ("file", d.FileName), ("origin", origin), ("scope", "this node"));
                break;
            case OwnCertificateChanged o:
                _node.Record(_path, "own-certificate-changed", ("unit", o.Unit.Name), ("issuer", o.Certificate.IssuerCommonName),
                    ("restart", string.Join("; ", o.ServicesToRestart)));
                break;
        }
    }

    private static string FirstLine(string text)
    {
        var i = text.IndexOf('\n');
        return i < 0 ? text : text[..i];
    }

    // ---- what services decided and the database keeps ----

    private void OnSaveIntercluster(SaveIntercluster save)
    {
        // One put: the agent's new state and every certificate it imports.
        var certificates = _state.Certificates;
        var events = ImmutableArray.CreateBuilder<CertificateEvent>();
        var log = _state.TrustLog;
        foreach (var i in save.Imports)
        {
            var result = certificates.ImportTrust(i.Import.StoreName, [i.Import.Certificate], $"Synced from intercluster peer {i.PeerAddress}");
            if (!result.Accepted) continue;
            if (log is not null) log = log.RecordPublisherChanges(result).Log;
            certificates = result.State;
            events.AddRange(result.Events);
        }
        // The agent runs on publishers only (the trust log is there): imports enter the cluster database at once.
        var appended = log != _state.TrustLog;
        var next = _state with { Icsa = save.Agent, Certificates = certificates, TrustLog = log };
        if (next != _state) Persist(next);
        if (appended) SchedulePushToSubscribers();
        foreach (var e in events) TraceCertificateEvent(e, "local");
        if (save.Reply is not null) save.ReplyTo?.Tell(save.Reply);
    }

    private void OnSaveImportToolResult(SaveImportToolResult save)
    {
        var imported = CertificateImportTool.ImportInto(_state.Certificates, save.Report);
        var settings = CertificateImportTool.ApplyPeerSubject(_state.Settings, save.Report);
        var settingsChanged = settings != _state.Settings;
        NodeDatabaseState WithSettings(NodeDatabaseState s) =>
            settingsChanged ? s with { Settings = settings, SettingsVersion = _state.SettingsVersion + 1 } : s;
        if (imported.Accepted) AcceptLocalCertificateChange(imported, WithSettings);
        else if (settingsChanged) Persist(WithSettings(_state));
        if (settingsChanged) SchedulePushToSubscribers();
        save.ReplyTo.Tell(save.Reply);
    }

    private void OnTrustOwnXmppCertificate(TrustOwnXmppCertificate m)
    {
        if (_state.Certificates.OwnCertificate(CertificateUnit.CupXmpp) is not { } xmpp) return;
        var store = _state.Certificates.GetTrustStore(TrustStoreNames.CupXmppTrust);
        if (store.Contains(xmpp.Certificate)) return;
        var result = _state.Certificates.ImportTrust(TrustStoreNames.CupXmppTrust, [xmpp.Certificate], m.Reason);
        if (result.Accepted) AcceptLocalCertificateChange(result);
    }

    // ---- login banner, settings, CUCM configuration ----

    private void OnUploadBanner(UploadLoginBanner u)
    {
        var result = _state.Banner.Upload(u.FileName, u.Content.AsSpan());
        if (result.Accepted) Persist(_state with { Banner = result.State });
        _node.Record(_path, "banner-upload", ("file", u.FileName), ("accepted", result.Accepted ? "yes" : "no"));
        u.ReplyTo.Tell(new AdminReply(_node.NodeName, u.MenuPath, result.Accepted, result.Messages));
    }

    private void OnSettingsOperation(SettingsOperation op)
    {
        AdminReply reply;
        if (_setup.Node.Kind != NodeKind.Imp)
            reply = new AdminReply(_node.NodeName, op.MenuPath, false, ["This page belongs to Cisco Unified CM IM and Presence Administration"]);
        else if (!_setup.IsPublisher)
            reply = new AdminReply(_node.NodeName, op.MenuPath, false,
                [$"Cisco Unified CM IM and Presence Administration runs on the database publisher {_setup.Publisher.Name}"]);
        else
        {
            var result = op.Edit.Apply(_state.Settings);
            if (result.Accepted && result.Settings != _state.Settings)
            {
                Persist(_state with { Settings = result.Settings, SettingsVersion = _state.SettingsVersion + 1 });
                SchedulePushToSubscribers();
            }
            reply = new AdminReply(_node.NodeName, op.MenuPath, result.Accepted, [result.Message]);
        }
        _node.Record(_path, "settings-operation", ("edit", op.Edit.ToString()), ("accepted", reply.Accepted ? "yes" : "no"));
        op.ReplyTo.Tell(reply);
    }

    private void OnSettingsReplica(SettingsReplica replica)
    {
        if (replica.Version <= _state.SettingsVersion) return;
        Persist(_state with { Settings = replica.Settings, SettingsVersion = replica.Version });
        _node.Record(_path, "settings-replicated", ("version", replica.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    private void OnCucmOperation(CucmOperation op)
    {
        if (_setup.Node.Kind != NodeKind.Cucm)
        {
            op.ReplyTo.Tell(new AdminReply(_node.NodeName, op.MenuPath, false, ["This page belongs to Cisco Unified CM Administration (a CUCM node)"]));
            return;
        }
        var (cucm, refusal) = _state.Cucm.Apply(op.Item);
        if (refusal is null) Persist(_state with { Cucm = cucm });
        _node.Record(_path, "cucm-configuration", ("item", op.Item.ToString() ?? ""), ("accepted", refusal is null ? "yes" : "no"));
        op.ReplyTo.Tell(new AdminReply(_node.NodeName, op.MenuPath, refusal is null,
            [refusal ?? "Add successful. Restart Cisco CallManager for the trunk's security settings to take effect."]));
    }

    // ---- the admin CLI's database commands ----

    private string Cli(CliCommand command) => command switch
    {
        ShowCertListCommand c => CertOutput.List(c.Kind == CertListKind.Own ? _state.Certificates.ListOwn() : _state.Certificates.ListTrust()),
        ShowCertOwnCommand c => ShowOwn(c),
        SetCertRegenCommand c => Regenerate(c.Unit),
        DbReplicationRuntimeStateCommand => DbReplicationOutput.Format(ReplicationReport()),
        _ => CliText.ExecutedUnsuccessfully,
    };

    private string ShowOwn(ShowCertOwnCommand c)
    {
        var result = _state.Certificates.Apply(new DownloadCertificate(c.FileName), _node.Clock.Now.ToDateTime());
        return result.Accepted ? CertOutput.Own(result.Reply) : CertOutput.NotFound(c.FileName);
    }

    private string Regenerate(string unit)
    {
        var result = ForGeneration.Apply(new RegenerateCertificate(unit), _node.Clock.Now.ToDateTime());
        if (!result.Accepted) return CliText.Lines(result.Reply, CliText.ExecutedUnsuccessfully);
        AcceptLocalCertificateChange(result);
        return CertOutput.RegenSucceeded(unit);
    }

    /// <summary>
    /// <c>utils dbreplication runtimestate</c>: on the publisher, every node of the cluster as the publisher last heard
    /// from it; on a subscriber, its own link to the publisher.
    /// </summary>
    private DbReplicationReport ReplicationReport()
    {
        var now = _node.Clock.Now;
        var fresh = (Domain.Time.SimInstant? at) => at is { } t && now - t <= _setup.Timings.ReplicationStale;
        if (_state.TrustLog is { } log)
        {
            var rows = new[] { _setup.Node }.Concat(_setup.ClusterPeers).Select(n => n.IsPublisher
                ? new ReplicaObservation(n, true, log.LastSequence)
                : _replicaAcks.TryGetValue(n.Name, out var ack)
                    ? new ReplicaObservation(n, fresh(ack.At), ack.Applied)
                    : new ReplicaObservation(n, false, 0));
            return ReplicationStatus.Report(_node.NodeName, now, log, rows);
        }
        // A subscriber: its own link to the publisher, and every other node as the publisher last reported it.
        var linked = fresh(_lastHeardFromPublisher);
        var view = ClusterTrustLog.Empty(_setup.Node.Cluster, _setup.Publisher.Name);
        var cluster = new[] { _setup.Node }.Concat(_setup.ClusterPeers).OrderBy(n => n.IsPublisher ? 0 : 1).ThenBy(n => OrderOf(n));
        return ReplicationStatus.Report(_node.NodeName, now, view, cluster.Select(n =>
            n.IsPublisher || n.Name == _setup.Name
                ? new ReplicaObservation(n, linked, n.Name == _setup.Name ? _state.Replica.LastAppliedSequence : 0)
                : _clusterView.Nodes.FirstOrDefault(v => v.Node == n.Name) is { } seen
                    ? new ReplicaObservation(n, linked && seen.Connected, seen.LastApplied)
                    : new ReplicaObservation(n, false, 0)));
    }

    private int OrderOf(NodeSpec node)
    {
        var i = _setup.Deployment.Nodes.ToList().FindIndex(n => n.Name == node.Name);
        return i < 0 ? int.MaxValue : i;
    }

    /// <summary>
    /// The publisher's view of its cluster's replication, sent with each answer to a subscriber: the last one sent when
    /// nothing in it changed (the answers to every subscriber's poll share it; it is immutable).
    /// </summary>
    private ClusterReplicationView ViewOfCluster()
    {
        var now = _node.Clock.Now;
        ReplicaView[] views = [.. _setup.ClusterPeers.Select(n => _replicaAcks.TryGetValue(n.Name, out var ack)
            ? new ReplicaView(n.Name, now - ack.At <= _setup.Timings.ReplicationStale, ack.Applied)
            : new ReplicaView(n.Name, false, 0))];
        return _lastView is { } last && last.Nodes.AsSpan().SequenceEqual(views) ? last : _lastView = new ClusterReplicationView([.. views]);
    }

    private ClusterReplicationView? _lastView;

    // ---- Cisco Certificate Change Notification (9.0(1) per-node deletion) ----

    /// <summary>The node's Cisco Certificate Change Notification asks: the publisher reads its log; a subscriber asks the publisher.</summary>
    private void OnCheckCertificateChanges()
    {
        if (_checkedSinceBoot && _deletedHere.Count == 0) return;
        _checkedSinceBoot = true;
        if (_state.TrustLog is { } log) CopyBack(TrustDeletion.ToCopyBack(log.Changes, _node.NodeName, ClusterNodes()), true);
        else SendToPublisher(CertificateChangeQuery.Instance);
    }

    private IReadOnlyCollection<string> ClusterNodes() => [_setup.Publisher.Name, .. _setup.ClusterPeers.Select(p => p.Name)];

    /// <summary>
    /// Copies back the trust certificates this node deleted while another node still holds them: a local import (on a
    /// subscriber it goes through the outbox, as an upload does), which the cluster database records as an addition.
    /// </summary>
    /// <param name="complete">True when the database that answered has recorded every deletion made here (so one it did
    /// not list stays deleted); a subscriber's answer is complete once its outbox is empty.</param>
    private void CopyBack(IReadOnlyCollection<TrustCertificate> certificates, bool complete)
    {
        if (complete) _deletedHere.Clear();
        foreach (var c in certificates)
        {
            _deletedHere.Remove(c.Store + "/" + c.FileName);
            if (_state.Certificates.TrustStores.TryGetValue(c.Store, out var store) && store.Contains(c.Certificate)) continue;
            var result = _state.Certificates.ImportTrust(c.Store, [c.Certificate], c.Description);
            if (!result.Accepted) continue;
            _node.Record(_path, "trust-copied-back", ("store", c.Store), ("file", c.FileName),
                ("by", Domain.Services.ServiceNames.CiscoCertificateChangeNotification));
            AcceptLocalCertificateChange(result);
        }
    }

    // ---- replication ----

    private void OnReplicationPoll()
    {
        // The Replication Watcher hears that the link is lost once the publisher has not answered for too long.
        if (_lastHeardFromPublisher is { } at && _node.Clock.Now - at > _setup.Timings.ReplicationStale)
            TellLink(false);
        ForwardOutbox();
        SendToPublisher(new PullTrustChanges(_state.Replica.LastAppliedSequence));
    }

    private void SchedulePushToSubscribers()
    {
        foreach (var subscriber in _setup.ClusterPeers)
        {
            var delay = _setup.Timings.ReplicationDelay.Draw(_replicationRandom.NextDouble);
            Timers.StartSingleTimer("push:" + subscriber.Name, new PushTo(subscriber.Name), delay);
        }
    }

    private void OnReplication(NetworkEnvelope e)
    {
        switch (e.Payload)
        {
            case ForwardTrustChanges f when _state.TrustLog is { } log:
            {
                var accepted = log.AcceptForwarded(_state.Certificates, f.Requests);
                Persist(_state with { Certificates = accepted.Publisher, TrustLog = accepted.Log });
                foreach (var ev in accepted.Events) TraceCertificateEvent(ev, e.FromNode);
                Send(e.FromNode, new TrustChangesAcknowledged(accepted.AcknowledgedUpTo));
                if (accepted.Appended.Length > 0) SchedulePushToSubscribers();
                break;
            }
            case PullTrustChanges p when _state.TrustLog is { } log:
                Send(e.FromNode, Update(log, p.After, ViewOfCluster()));
                break;
            case CertificateChangeQuery when _state.TrustLog is { } log:
                Send(e.FromNode, new CertificateChangeCopyBack(TrustDeletion.ToCopyBack(log.Changes, e.FromNode, ClusterNodes())));
                break;
            case CertificateChangeCopyBack c when _state.TrustLog is null:
                HeardFromPublisher();
                CopyBack(c.Certificates, _state.Replica.Outbox.IsEmpty);
                break;
            case ReplicaUpdate u when _state.TrustLog is null:
                OnTrustChanges(u.Trust);
                OnSettingsReplica(u.Settings);
                if (u.Cluster is { } view) _clusterView = view;
                break;
            case ReplicationAck a:
                _replicaAcks[e.FromNode] = (a.LastApplied, _node.Clock.Now);
                _replicaFips[e.FromNode] = a.Fips;
                break;
            case TrustChangesAcknowledged a:
                HeardFromPublisher();
                Persist(_state with { Replica = _state.Replica.Acknowledge(a.UpTo) });
                break;
        }
    }

    /// <summary>What the publisher sends a subscriber that applied up to <paramref name="after"/>.</summary>
    private ReplicaUpdate Update(ClusterTrustLog log, long after, ClusterReplicationView? view) =>
        new(new TrustChanges([.. log.Since(after)], log.LastSequence), new SettingsReplica(_state.SettingsVersion, _state.Settings), view);

    /// <summary>A subscriber applies the cluster database's changes it lacks, asks for any it missed, and acknowledges.</summary>
    private void OnTrustChanges(TrustChanges c)
    {
        HeardFromPublisher();
        var catchUp = _state.Replica.CatchUp(_state.Certificates, c.Changes);
        if (catchUp.Events.Length > 0 || catchUp.Progress != _state.Replica)
            Persist(_state with { Certificates = catchUp.Node, Replica = catchUp.Progress });
        foreach (var ev in catchUp.Events) TraceCertificateEvent(ev, "replication");
        if (catchUp.MissingFrom is { } from) SendToPublisher(new PullTrustChanges(from));
        SendToPublisher(new ReplicationAck(_state.Replica.LastAppliedSequence, _state.Certificates.Fips));
    }

    /// <summary>The publisher answered: replication is established (the Service Manager's Replication Watcher hears it).</summary>
    private void HeardFromPublisher()
    {
        _lastHeardFromPublisher = _node.Clock.Now;
        TellLink(true);
    }

    /// <summary>
    /// Tells the Replication Watcher (the parent Service Manager, which ignores a repeat) when the link's state changes,
    /// not at every answer of the publisher (every five minutes on every subscriber). The watcher forgets the state only
    /// when the node's services are shut down, and then asks for <see cref="CatchUpReplication"/> as they start again.
    /// </summary>
    private void TellLink(bool up)
    {
        if (_linkToldUp == up) return;
        _linkToldUp = up;
        Context.Parent.Tell(new ReplicationLinkChanged(up));
    }

    private void OnPushTo(PushTo push)
    {
        if (_state.TrustLog is not { } log) return;
        var after = _replicaAcks.TryGetValue(push.Subscriber, out var ack) ? ack.Applied : 0;
        Send(push.Subscriber, Update(log, after, null));
    }

    private void ForwardOutbox()
    {
        if (_state.TrustLog is null && !_state.Replica.Outbox.IsEmpty)
            SendToPublisher(new ForwardTrustChanges([.. _state.Replica.Outbox]));
    }

    private void SendToPublisher(object message) => Send(_setup.Publisher.Name, message);

    private void Send(string node, object message) => _node.Network.Send(Replication.Service, node, Replication.Service, message);

    private sealed class ReplicationPoll
    {
        public static readonly ReplicationPoll Instance = new();
    }

    private sealed record PushTo(string Subscriber);
}
