using ImpClusterSim.Domain.Banner;
using ImpClusterSim.Domain.Certificates;
using ImpClusterSim.Domain.Intercluster;
using ImpClusterSim.Domain.Services;
using ImpClusterSim.Domain.Time;
using ImpClusterSim.Node;
using ImpClusterSim.Node.Ports;
using ImpClusterSim.Node.Runtime;
using ImpClusterSim.Node.Services;
using ImpClusterSim.Scenarios.Language;

namespace ImpClusterSim.Scenarios.Runner;

/// <summary>
/// Evaluates conditions against the live run through the administrator's queries (no virtual time passes), as the
/// administrator would see them: the peer status panel's text, the troubleshooter, trust stores, services, the CLI.
/// The two invariants keep state: the FIPS one watches the "certificate-exchange" trace events; the secure-status one
/// checks each "Connection is secure" verdict once per sync, with the chain that sync saw.
/// </summary>
internal sealed class ConditionProbe(RunContext context)
{
    private readonly List<string> _fipsViolations = [];
    private readonly Dictionary<string, List<(string Node, string Result, string Reply)>> _stepResults = new(StringComparer.Ordinal);
    private readonly Dictionary<EventSeen, string?> _eventsSeen = EventConditions(context.Scenario).ToDictionary(e => e, _ => (string?)null);
    private Step? _playing;
    private readonly Dictionary<(string Node, string Peer), SimInstant?> _verifiedSyncs = [];
    private ViewStamp?[]? _secureStamps; // per IM&P cluster, its publisher's stamp when SecurePeers last asked
    private readonly Dictionary<string, PeerStatesSnapshot> _verifiedSnapshots = new(StringComparer.Ordinal);
    private string? _secureViolation;
    private readonly ChaosChecks _chaos = new(context);

    private RunContext C => context;

    /// <summary>The labelled step whose operation events are being recorded (null between steps).</summary>
    public void Playing(Step? step) => _playing = step;

    /// <summary>
    /// Watches the trace: the result of each labelled step's operation on each node (step-accepted/-refused), the events
    /// 'event-seen' conditions wait for, and certificate exchanges between a FIPS and a non-FIPS side.
    /// </summary>
    public void Observe(TraceEvent e)
    {
        if (_playing is { Label: { } label } step && e.Event == step.Operation.Kind && Find(e, "result") is { } result)
        {
            if (!_stepResults.TryGetValue(label, out var results)) _stepResults[label] = results = [];
            results.Add((e.Node, result, Find(e, "reply") ?? ""));
        }

        if (_eventsSeen.Count > 0)
        {
            foreach (var condition in _eventsSeen.Keys.ToList())
            {
                if (_eventsSeen[condition] is null && Matches(condition, e))
                    _eventsSeen[condition] = $"'{e.Event}' on {e.Node} at +{DurationText.Format(e.Time - C.Start)}" +
                                             (e.Details.Count == 0 ? "" : $": {string.Join(", ", e.Details.Select(d => $"{d.Key}={d.Value}"))}");
            }
        }

        _chaos.Observe(e);
        if (e.Event != "certificate-exchange") return;
        string? Detail(string key) => e.Details.FirstOrDefault(d => d.Key == key).Value;
        if (Detail("from-fips") is { } from && Detail("to-fips") is { } to && from != to)
            _fipsViolations.Add($"{e.Node} imported '{Detail("certificate")}' from {Detail("peer")} into {Detail("store")} " +
                                $"(peer FIPS: {from}, local FIPS: {to}) at +{DurationText.Format(e.Time - C.Start)}");
    }

    public Observation Evaluate(Condition condition) => condition switch
    {
        PeerStatusIs p => OnNode(C.PublisherOf(p.Cluster).Name, p),
        PeerCertificateIs p => OnNode(C.PublisherOf(p.Cluster).Name, p),
        TroubleshooterPasses t => OnNode(C.PublisherOf(t.Cluster).Name, t),
        TrustStoreHolds t => EveryNode(t.Target, t),
        OwnCertIssuedBy o => EveryNode(o.Target, o),
        ServiceStateIs s => EveryNode(s.Target, s),
        CliOutputContains c => EveryNode(c.Target, c),
        NodeUp u => EveryNode(u.Target, u),
        BannerShown b => EveryNode(b.Target, b),
        SipTrunkSecure t => EveryNode(t.Target, t),
        SettingActive a => EveryNode(a.Target, a),
        NoFipsMismatchExchange => _fipsViolations.Count == 0
            ? new Observation(true, "no certificate crossed between a FIPS and a non-FIPS side")
            : new Observation(false, _fipsViolations[0]),
        SecurePeersWhenTrusted s => SecurePeers(s),
        Not n => Negate(Evaluate(n.Inner)),
        StepOutcome o => Step(o),
        EventSeen e => _eventsSeen.GetValueOrDefault(e) is { } seen
            ? new Observation(true, "seen " + seen)
            : new Observation(false, $"no '{e.Event}' event{(e.Node is null ? "" : " on " + e.Node)}{DetailsText(e)} so far"),
        TroubleshooterFails t => OnNode(C.PublisherOf(t.Cluster).Name, t),
        AcknowledgedChangesKept => _chaos.AcknowledgedChangesKept(),
        Converged => _chaos.Converged(),
        _ => new Observation(false, $"condition '{condition.Kind}' is not modelled"),
    };

    /// <summary>
    /// Whether <see cref="EvaluateOn"/> can evaluate <paramref name="condition"/> on one node by asking that node alone
    /// (what a live node process does for the coordinator); the others need the trace or several nodes.
    /// </summary>
    public static bool IsNodeLocal(Condition condition) => condition is PeerStatusIs or PeerCertificateIs or TroubleshooterPasses or TrustStoreHolds
        or OwnCertIssuedBy or ServiceStateIs or CliOutputContains or NodeUp or BannerShown or SipTrunkSecure or SettingActive
        or TroubleshooterFails or SecurePeersWhenTrusted;

    /// <summary>
    /// The part of <paramref name="condition"/> that one node answers, asked of <paramref name="node"/> directly
    /// (for the cluster conditions, <paramref name="node"/> is the cluster's publisher).
    /// </summary>
    public Observation EvaluateOn(string node, Condition condition) => condition switch
    {
        PeerStatusIs p => PeerStatus(p),
        PeerCertificateIs p => PeerCertificate(p),
        TroubleshooterPasses t => Troubleshooter(t),
        TrustStoreHolds t => TrustStore(node, t),
        OwnCertIssuedBy o => OwnCert(node, o),
        ServiceStateIs s => Service(node, s),
        CliOutputContains c => CliOutput(node, c),
        NodeUp => NodeRunning(node),
        BannerShown b => Banner(node, b),
        SipTrunkSecure t => SipTrunk(node, t),
        SettingActive a => ActiveSetting(node, a),
        TroubleshooterFails t => TroubleshooterFailure(t),
        SecurePeersWhenTrusted => SecurePeersOn(node),
        _ => new Observation(false, $"condition '{condition.Kind}' is not evaluated on one node"),
    };

    private Observation OnNode(string node, Condition condition) => C.Host.Probe(node, condition, () => EvaluateOn(node, condition));

    private static Observation Negate(Observation o) => new(!o.Holds, $"not ({o.Seen})");

    private static string? Find(TraceEvent e, string key) => e.Details.FirstOrDefault(d => d.Key == key).Value;

    private static bool Matches(EventSeen c, TraceEvent e) =>
        e.Event == c.Event
        && (c.Node is null || e.Node == c.Node)
        && c.Details.All(d => Find(e, d.Key) is { } v && v.Contains(d.Value, StringComparison.Ordinal));

    private static string DetailsText(EventSeen e) =>
        e.Details.Count == 0 ? "" : " with " + string.Join(", ", e.Details.Select(d => $"{d.Key} containing '{d.Value}'"));

    /// <summary>Every event-seen condition of the scenario, also inside 'not'.</summary>
    private static IEnumerable<EventSeen> EventConditions(Scenario scenario)
    {
        static IEnumerable<EventSeen> Of(Condition c) => c switch
        {
            EventSeen e => [e],
            Not n => Of(n.Inner),
            _ => [],
        };
        return scenario.Expectations.Select(e => e.Condition).Concat(scenario.Assumptions.Select(a => a.Condition)).SelectMany(Of).Distinct();
    }

    private Observation Step(StepOutcome o)
    {
        var wanted = o.Accepted ? "accepted" : "refused";
        if (!_stepResults.TryGetValue(o.Label, out var results) || results.Count == 0)
            return new Observation(false, $"step '{o.Label}' has not been played yet");
        foreach (var (node, result, reply) in results)
        {
            if (result != wanted) return new Observation(false, $"step '{o.Label}' on {node}: {result}{(reply.Length == 0 ? "" : $" ('{reply}')")}");
            if (o.Reply is { } text && !reply.Contains(text, StringComparison.Ordinal))
                return new Observation(false, $"step '{o.Label}' on {node}: {result}, but the reply '{reply}' does not contain '{text}'");
        }

        var first = results[0];
        return new Observation(true, $"step '{o.Label}' {wanted} on {string.Join(", ", results.Select(r => r.Node))}{(first.Reply.Length == 0 ? "" : $": '{first.Reply}'")}");
    }

    private Observation TroubleshooterFailure(TroubleshooterFails t)
    {
        var publisher = C.PublisherOf(t.Cluster).Name;
        if (!C.IsUp(publisher)) return new Observation(false, $"{publisher} is down: its troubleshooter cannot be run");
        var report = C.Request<TroubleshooterReport>(publisher, r => new RunSystemTroubleshooter(r));
        if (report is null) return new Observation(false, $"{publisher} did not run the System Troubleshooter");
        var test = report.InterClustering;
        if (test.Passed) return new Observation(false, $"{test.Test}: passed ({test.Peers.Length} TLS peer(s))");
        if (t.Peer is null) return new Observation(true, test.Peers.FirstOrDefault(p => !p.Passed)?.Message ?? $"{test.Test}: failed");
        var peer = C.PublisherOf(t.Peer);
        var line = test.Peers.FirstOrDefault(p => !p.Passed && Names(p.PeerAddress, peer));
        return line is not null
            ? new Observation(true, line.Message)
            : new Observation(false, $"{test.Test} failed, but not for {peer.Fqdn}: {test.Peers.FirstOrDefault(p => !p.Passed)?.Message}");
    }

    // Asks each node of the target in turn (no lambda in Evaluate: a switch arm's lambda would allocate its closure at
    // every evaluation of every condition, and the checks evaluate thousands a run).
    private Observation EveryNode(Target target, Condition condition)
    {
        Observation? last = null;
        foreach (var node in target.Nodes)
        {
            last = OnNode(node, condition);
            if (!last.Holds) return last;
        }

        return new Observation(true, target.Nodes.Length == 1 && last is not null ? last.Seen : $"on every node of {target}");
    }

    private PeerStatusSnapshot? Panel(string publisher) => C.Request<PeerStatusSnapshot>(publisher, r => new QueryPeerStatus(r));

    private Observation PeerStatus(PeerStatusIs p)
    {
        var publisher = C.PublisherOf(p.Cluster);
        var peer = C.PublisherOf(p.Peer);
        if (!C.IsUp(publisher.Name)) return new Observation(false, $"{publisher.Name} is down");
        var snapshot = Panel(publisher.Name);
        if (snapshot is null) return new Observation(false, $"{publisher.Name} did not show its Inter-cluster Peer Status panel");
        var row = snapshot.Panel.Rows.FirstOrDefault(r => Names(r.PeerAddress, peer));
        if (row is null) return new Observation(false, $"{publisher.Name}'s panel has no row for {peer.Fqdn}");
        var status = row.CertificateStatus.Text;
        return new Observation(status == p.Status, $"peer status was '{status}'");
    }

    /// <summary>
    /// The peer's Tomcat certificate as the local Cisco Intercluster Sync Agent last received it (QueryPeerStates: the
    /// agent's state for the peer, <c>LastPresentedChain</c>), compared with the CA (by signature, RFC 5280 6.1.3
    /// (a)(1)) or with self-signedness; the status that sync left is in the detail.
    /// </summary>
    private Observation PeerCertificate(PeerCertificateIs p)
    {
        var publisher = C.PublisherOf(p.Cluster);
        var peer = C.PublisherOf(p.Peer);
        if (!C.IsUp(publisher.Name)) return new Observation(false, $"{publisher.Name} is down");
        var snapshot = C.Query<PeerStatesSnapshot>(publisher.Name, r => new QueryPeerStates(r));
        if (snapshot is null) return new Observation(false, $"the Cisco Intercluster Sync Agent of {publisher.Name} did not answer");
        var state = snapshot.States.FirstOrDefault(s => Names(s.PeerAddress, peer));
        if (state is null) return new Observation(false, $"{publisher.Name} has no intercluster peer {peer.Fqdn}");
        if (state.LastPresentedChain.IsDefaultOrEmpty)
            return new Observation(false, $"{publisher.Name} has received no Tomcat certificate from {peer.Fqdn} yet (status '{state.Status.Text}')");
        var leaf = state.LastPresentedChain[0];
        var holds = p.IssuedBy is { } ca ? leaf.IsSignedBy(C.Cas[ca].Certificate) : leaf.IsSelfSigned == p.SelfSigned;
        var issuer = leaf.IsSelfSigned ? "self-signed" : $"issued by '{leaf.IssuerCommonName}'";
        return new Observation(holds, $"{publisher.Name} last received from {peer.Fqdn} the Tomcat certificate '{leaf.SubjectCommonName}' " +
                                      $"{issuer} (status '{state.Status.Text}')");
    }

    private static bool Names(string address, Domain.Topology.NodeSpec node) =>
        string.Equals(address, node.Fqdn, StringComparison.OrdinalIgnoreCase)
        || string.Equals(address, node.Name, StringComparison.OrdinalIgnoreCase)
        || address == node.IpAddress;

    private Observation Troubleshooter(TroubleshooterPasses t)
    {
        var publisher = C.PublisherOf(t.Cluster).Name;
        if (!C.IsUp(publisher)) return new Observation(false, $"{publisher} is down");
        var report = C.Request<TroubleshooterReport>(publisher, r => new RunSystemTroubleshooter(r));
        if (report is null) return new Observation(false, $"{publisher} did not run the System Troubleshooter");
        var failed = report.InterClustering.Peers.FirstOrDefault(p => !p.Passed);
        return report.InterClustering.Passed
            ? new Observation(true, $"{report.InterClustering.Test}: passed ({report.InterClustering.Peers.Length} TLS peer(s))")
            : new Observation(false, failed?.Message ?? $"{report.InterClustering.Test}: failed");
    }

    private NodeCertificates? Certificates(string node) => C.Request<CertificatesSnapshot>(node, r => new QueryCertificates(r))?.Certificates;

    private Observation TrustStore(string node, TrustStoreHolds t)
    {
        var certificates = Certificates(node);
        if (certificates is null) return new Observation(false, $"{node} is down");
        var ca = C.Cas[t.Ca].Certificate;
        var held = certificates.TrustCertificates(t.Store).Any(c => c.Certificate.Sha256Fingerprint == ca.Sha256Fingerprint);
        var seen = $"{node} {t.Store} {(held ? "holds" : "lacks")} '{ca.SubjectCommonName}'";
        return new Observation(held == t.Contains, seen);
    }

    private Observation OwnCert(string node, OwnCertIssuedBy o)
    {
        var certificates = Certificates(node);
        if (certificates is null) return new Observation(false, $"{node} is down");
        var own = certificates.FindUnit(o.Unit) is { } unit ? certificates.OwnCertificate(unit) : null;
        if (own is null) return new Observation(false, $"{node} has no {o.Unit} certificate");
        var ca = C.Cas[o.Ca].Certificate;
        var issued = own.Certificate.IsSignedBy(ca);
        return new Observation(issued, $"{node} {o.Unit} issued by '{own.Certificate.IssuerCommonName}'");
    }

    private Observation Service(string node, ServiceStateIs s)
    {
        var services = C.Request<ServicesSnapshot>(node, r => new QueryServices(r));
        if (services is null) return new Observation(false, $"{node} is down");
        var status = services.Services.StatusOf(s.Service);
        return new Observation(status == s.State, $"{s.Service} on {node} was {status}");
    }

    private Observation CliOutput(string node, CliOutputContains c)
    {
        var reply = C.Request<CliReply>(node, r => new CliRequest(c.Command, r));
        if (reply is null) return new Observation(false, $"{node} is down");
        var found = reply.Output.Contains(c.Text, StringComparison.Ordinal);
        return new Observation(found, $"'{c.Command}' on {node} printed '{RunContext.FirstLine(reply.Output)}'");
    }

    /// <summary>Up on the network, and (where the node reports FIPS state) not rebooting or halted.</summary>
    private Observation NodeRunning(string node)
    {
        if (!C.IsUp(node)) return new Observation(false, $"{node} is down");
        var fips = C.Request<FipsSnapshot>(node, r => new QueryFips(r));
        if (fips is not null && fips.State.Run != Domain.Fips.NodeRunState.Running)
            return new Observation(false, $"{node} is {fips.State.Run}");
        return new Observation(true, $"{node} is up");
    }

    private Observation Banner(string node, BannerShown b)
    {
        var page = C.Request<LoginPage>(node, r => new OpenLoginPage(b.Interface, LoginPhase.BeforeLogin, r));
        if (page is null) return new Observation(false, $"{node} is down");
        if (page.Banner is null) return new Observation(false, $"{node} shows no banner on {b.Interface}");
        var shown = b.Text is null || page.Banner.Contains(b.Text, StringComparison.Ordinal);
        return new Observation(shown, $"{node} shows '{RunContext.FirstLine(page.Banner)}' on {b.Interface}");
    }

    /// <summary>
    /// The trunk's TLS connections as Cisco CallManager reports them (QuerySipTrunks): secure holds when every reported
    /// destination (or the one named) is secure; not secure when one is not. No report, or no answer because Cisco
    /// CallManager is not running, holds neither way.
    /// </summary>
    private Observation SipTrunk(string node, SipTrunkSecure t)
    {
        if (!C.IsUp(node)) return new Observation(false, $"{node} is down");
        var snapshot = C.Request<SipTrunksSnapshot>(node, r => new ToService(ServiceNames.CiscoCallManager, new QuerySipTrunks(r)));
        if (snapshot is null) return new Observation(false, $"Cisco CallManager on {node} did not answer (it is not running)");
        var rows = snapshot.Trunks
            .Where(s => s.Trunk == t.Trunk && (t.Destination is null || string.Equals(s.Destination, t.Destination, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        if (rows.Count == 0)
            return new Observation(false, $"Cisco CallManager on {node} reports no TLS connection of SIP trunk {t.Trunk}" +
                                          (t.Destination is null ? "" : $" to {t.Destination}"));
        var insecure = rows.FirstOrDefault(s => !s.Secure);
        var seen = insecure is not null
            ? $"SIP trunk {insecure.Trunk} to {insecure.Destination} is not secure: {insecure.Reason}"
            : $"SIP trunk {t.Trunk} to {string.Join(", ", rows.Select(s => s.Destination))} is secure";
        return new Observation((insecure is null) == t.Secure, seen);
    }

    /// <summary>QuerySettings: the value the applying service loaded at its last start, and the saved one if it differs.</summary>
    private Observation ActiveSetting(string node, SettingActive a)
    {
        var snapshot = C.Request<SettingsSnapshot>(node, r => new QuerySettings(r));
        if (snapshot is null) return new Observation(false, $"{node} is down");
        var active = snapshot.Active.ActiveValue(a.Setting);
        var pending = snapshot.Pending.FirstOrDefault(p => p.Setting == a.Setting);
        var comparison = a.Setting == Domain.Settings.SecuritySetting.NodeToNodeDomain ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var holds = active is not null && string.Equals(active, a.Value, comparison);
        var seen = $"{a.Name} on {node}: active {active ?? $"none ({SettingApplier(a)} has not started)"}, " +
                   (pending is null ? "nothing pending" : $"pending {pending.SavedValue} (until {pending.RestartService} restarts)");
        return new Observation(holds, seen);
    }

    private static string SettingApplier(SettingActive a) => Domain.Settings.SecuritySettingInfo.Of(a.Setting).AppliedBy;

    /// <summary>
    /// Invariant (a) of docs/intercluster.md: every "Connection is secure" verdict, checked once per sync (by its
    /// LastAttempt) against the chain that sync saw, at the publisher's clock when it decided (its LastAttempt), and the
    /// publisher's tomcat-trust and FIPS mode.
    /// </summary>
    private Observation SecurePeers(SecurePeersWhenTrusted condition)
    {
        if (_secureViolation is not null) return new Observation(false, _secureViolation);
        // The invariant reads each publisher's peer states and certificates: where no publisher's views moved since the
        // last look (which held, or the violation above would answer), it holds again. Stamps are taken before asking.
        var clusters = C.Topology.ImpClusters;
        _secureStamps ??= new ViewStamp?[clusters.Length];
        var unchanged = true;
        for (var i = 0; i < clusters.Length; i++)
        {
            var stamp = C.Host.Stamp(clusters[i].Publisher.Name);
            unchanged &= stamp is not null && stamp == _secureStamps[i];
            _secureStamps[i] = stamp;
        }
        if (unchanged) return SecureHeld;
        foreach (var cluster in clusters)
        {
            // A publisher that is down shows no verdict to check.
            if (!C.IsUp(cluster.Publisher.Name)) continue;
            var o = OnNode(cluster.Publisher.Name, condition);
            if (o.Holds) continue;
            _secureViolation = o.Seen;
            return o;
        }

        return SecureHeld;
    }

    private static readonly Observation SecureHeld = new(true, "every \"Connection is secure\" verdict validated");

    /// <summary>The secure-status invariant on one IM&amp;P publisher's panel (holds when the publisher is down or does not answer).</summary>
    private Observation SecurePeersOn(string publisherName)
    {
        var ok = new Observation(true, "every \"Connection is secure\" verdict validated");
        var cluster = C.Topology.ImpClusterOf(publisherName);
        if (cluster is null || cluster.Publisher.Name != publisherName) return ok;
        var publisher = cluster.Publisher;
        // Null when the publisher is down (Request asks only nodes that are up) or does not answer.
        if (C.Query<PeerStatesSnapshot>(publisher.Name, r => new QueryPeerStates(r)) is not { } snapshot) return ok;
        // The same answer as at the last look (the query's memo hands back the same object while nothing it shows
        // changed): every secure verdict in it has been validated already.
        if (_verifiedSnapshots.TryGetValue(publisher.Name, out var seen) && ReferenceEquals(seen, snapshot)) return ok;
        NodeCertificates? certificates = null;
        foreach (var state in snapshot.States)
        {
            if (state.Status.Kind != PeerStatusKind.Secure) continue;
            var key = (publisher.Name, state.PeerAddress);
            if (_verifiedSyncs.TryGetValue(key, out var last) && last == state.LastAttempt) continue;
            _verifiedSyncs[key] = state.LastAttempt;
            certificates ??= C.Query<CertificatesSnapshot>(publisher.Name, r => new QueryCertificates(r))?.Certificates;
            if (certificates is null) continue;
            var host = C.Topology.Nodes.FirstOrDefault(n => Names(state.PeerAddress, n))?.Fqdn;
            // At the publisher's clock when that sync decided (LastAttempt: its own clock, skew included), not now: a clock
            // skew or jump since then does not make the panel's last verdict wrong (chaos seed 713: a -326-day skew that
            // began after a sync and before the check first saw it).
            var check = SecureStatusSnapshot.Of(cluster.Name, state, certificates.GetTrustStore(TrustStoreNames.TomcatTrust),
                state.LastAttempt ?? C.NodeClock(publisher.Name), certificates.Fips, host);
            if (SecureStatusInvariant.Check([check]).FirstOrDefault() is { } violation) return new Observation(false, violation.Detail);
        }

        _verifiedSnapshots[publisher.Name] = snapshot;
        return ok;
    }
}
