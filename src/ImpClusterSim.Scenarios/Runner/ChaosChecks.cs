using ImpClusterSim.Domain.Certificates;
using ImpClusterSim.Domain.Intercluster;
using ImpClusterSim.Domain.Time;
using ImpClusterSim.Node.Ports;
using ImpClusterSim.Node.Runtime;

namespace ImpClusterSim.Scenarios.Runner;

/// <summary>
/// The two conditions chaos experiments add (docs/chaos.md, "Checks"): <c>acknowledged-changes-kept</c> (safety: an
/// accepted trust upload is never lost, crashes included) and <c>converged</c> (liveness after the quiet period: every TLS
/// peer pair whose certificates allow it is secure, every IM&amp;P cluster's trust stores agree). Both read the run as
/// an administrator would (queries at quiescence, no virtual time passes).
/// </summary>
internal sealed class ChaosChecks(RunContext context)
{
    // The accepted uploads per node, each list in the order accepted; a repeat of the same (store, certificate) on a node
    // is kept once, counted (it is checked the same way and removed with the first). Nodes are checked in the order of their
    // earliest kept upload (Seq), as a flat list grouped by node would be.
    private readonly Dictionary<string, List<Acknowledged>> _acknowledged = new(StringComparer.Ordinal);
    private long _accepted;
    private List<Acknowledged>[]? _ordered; // the non-empty lists in check order, with their total count; null: rebuild
    private int _count;
    // Per node, its stamp (IRunHost.Stamp, taken before asking) when every upload of its list was found; cleared with _ordered.
    private readonly Dictionary<string, ViewStamp> _keptAt = new(StringComparer.Ordinal);

    private RunContext C => context;

    /// <summary>Watches the run events of administrators' operations: accepted uploads, deletes, FIPS mode changes.</summary>
    public void Observe(TraceEvent e)
    {
        if (e.Path != "/" || Detail(e, "result") != "accepted") return;
        _ordered = null;
        _keptAt.Clear();
        switch (e.Event)
        {
            case "upload-trust" when Detail(e, "certificate") is { } ca && C.Cas.Names.Contains(ca) && Detail(e, "store") is { } store:
                var fingerprint = C.Cas[ca].Certificate.Sha256Fingerprint;
                if (!_acknowledged.TryGetValue(e.Node, out var held)) _acknowledged[e.Node] = held = [];
                if (held.Find(a => a.Store == store && a.Fingerprint == fingerprint) is { } earlier) earlier.Copies++;
                else held.Add(new Acknowledged(e.Node, store, ca, fingerprint, e.Time, ++_accepted));
                break;
            case "delete-trust" when Detail(e, "store") is { } store:
                var cluster = ClusterOf(e.Node);
                foreach (var (node, list) in _acknowledged)
                    if (ClusterOf(node) == cluster) list.RemoveAll(a => a.Store == store);
                break;
            case "fips-enable" or "fips-disable":
                _acknowledged.Remove(e.Node);
                break;
        }
    }

    /// <summary>Every acknowledged trust upload is still held by the node that accepted it (checked while the node answers).</summary>
    public Observation AcknowledgedChangesKept()
    {
        if (_ordered is null)
        {
            _ordered = [.. _acknowledged.Values.Where(l => l.Count > 0).OrderBy(l => l[0].Seq)];
            _count = _ordered.Sum(l => l.Sum(a => a.Copies));
        }

        foreach (var group in _ordered)
        {
            var node = group[0].Node;
            var stamp = C.Host.Stamp(node);
            if (stamp is { } s && _keptAt.TryGetValue(node, out var verified) && verified == s) continue; // its stores have not changed
            var certificates = Certificates(node);
            if (certificates is null) continue; // down or rebooting: checked when it answers again
            foreach (var a in group)
            {
                if (Holds(certificates, a.Store, a.Fingerprint)) continue;
                return new Observation(false,
                    $"{a.Node} lost the acknowledged upload of '{C.Cas[a.Ca].CommonName}' into {a.Store} (accepted at +{DurationText.Format(a.At - C.Start)})");
            }
            if (stamp is { } held) _keptAt[node] = held;
        }

        return new Observation(true, $"{_count} acknowledged upload(s) kept");
    }

    /// <summary>Liveness: peers secure where the certificates allow it, trust stores agreeing inside each IM&amp;P cluster.</summary>
    public Observation Converged() => PeersConverged() ?? TrustStoresAgree() ?? new Observation(true, "every allowed TLS peer pair secure; every cluster's trust stores agree");

    private Observation? PeersConverged()
    {
        foreach (var cluster in C.Topology.ImpClusters)
        {
            var publisher = cluster.Publisher.Name;
            if (!Running(publisher) || PeerStates(publisher) is not { } mine || Certificates(publisher) is not { } local) continue;
            foreach (var state in mine.States.OrderBy(s => s.PeerAddress, StringComparer.OrdinalIgnoreCase))
            {
                if (state.Peer.Protocol != PeerProtocol.Tls || state.Status.Kind == PeerStatusKind.Secure) continue;
                var peer = C.Topology.Nodes.FirstOrDefault(n => Names(state.PeerAddress, n));
                if (peer is null || !Running(peer.Name) || PeerStates(peer.Name) is not { } theirs || Certificates(peer.Name) is not { } remote) continue;
                var configuredBack = theirs.States.Any(s => s.Peer.Protocol == PeerProtocol.Tls && Names(s.PeerAddress, cluster.Publisher));
                if (!configuredBack || local.Fips != remote.Fips) continue;
                var allowed = state.Status.Kind is PeerStatusKind.NotReachable or PeerStatusKind.Failed or PeerStatusKind.FipsMismatch
                              || Validates(state, local, publisher, peer.Fqdn);
                if (allowed)
                    return new Observation(false, $"{publisher} shows {peer.Name} '{state.Status.Text}' after the quiet period " +
                                                  "(both configured, same FIPS mode, nothing in the way)");
            }
        }

        return null;
    }

    private bool Validates(PeerSyncState state, NodeCertificates local, string publisher, string peerFqdn)
    {
        if (state.LastPresentedChain.IsDefaultOrEmpty) return false;
        var options = new Pki.ValidationOptions(C.NodeClock(publisher).ToDateTime()) { Fips = local.Fips, RequireServerAuth = true, HostName = peerFqdn };
        return Pki.ChainValidator.Validate(state.LastPresentedChain[0], state.LastPresentedChain.Skip(1),
            local.GetTrustStore(TrustStoreNames.TomcatTrust), options).IsValid;
    }

    private Observation? TrustStoresAgree()
    {
        foreach (var cluster in C.Topology.ImpClusters)
        {
            // Trust certificates reach a cluster's nodes through its publisher's database: with the publisher down or
            // halted nothing moves (docs/model.md, "Inside a cluster"), so its running nodes may rightly differ.
            if (!Running(cluster.Publisher.Name)) continue;
            var running = cluster.Nodes.Where(n => Running(n.Name)).ToArray();
            if (running.Length < 2) continue;
            var reference = running[0].Name;
            if (Certificates(reference) is not { } first) continue;
            foreach (var other in running.Skip(1))
            {
                if (Certificates(other.Name) is not { } theirs) continue;
                foreach (var (store, trust) in first.TrustStores)
                {
                    var held = Fingerprints(trust);
                    var otherHeld = theirs.TrustStores.TryGetValue(store, out var t) ? Fingerprints(t) : [];
                    if (held.SetEquals(otherHeld)) continue;
                    var missing = trust.Certificates.FirstOrDefault(c => !otherHeld.Contains(c.Sha256Fingerprint));
                    var extra = t?.Certificates.FirstOrDefault(c => !held.Contains(c.Sha256Fingerprint));
                    var what = missing is not null
                        ? $"{other.Name} {store} lacks '{missing.SubjectCommonName}' that {reference} holds"
                        : $"{other.Name} {store} holds '{extra?.SubjectCommonName}' that {reference} lacks";
                    return new Observation(false, $"the trust stores of {cluster.Name} disagree after the quiet period: {what}");
                }
            }
        }

        return null;
    }

    /// <summary>Whether the store holds the certificate (by fingerprint; no descriptions built: this runs at every step).</summary>
    private static bool Holds(NodeCertificates certificates, string store, string fingerprint)
    {
        return certificates.TrustStores.TryGetValue(TrustStoreNames.Resolve(store, certificates.Kind) ?? store, out var trust)
               && trust.ContainsFingerprint(fingerprint);
    }

    private static HashSet<string> Fingerprints(Pki.TrustStore store) => [.. store.Certificates.Select(c => c.Sha256Fingerprint)];

    /// <summary>Up, and not rebooting or halted (FIPS).</summary>
    private bool Running(string node) =>
        C.IsUp(node) && C.Query<FipsSnapshot>(node, r => new QueryFips(r)) is { } f && f.State.Run == Domain.Fips.NodeRunState.Running;

    private PeerStatesSnapshot? PeerStates(string node) => C.Query<PeerStatesSnapshot>(node, r => new QueryPeerStates(r));

    private NodeCertificates? Certificates(string node) => C.Query<CertificatesSnapshot>(node, r => new QueryCertificates(r))?.Certificates;

    private string? ClusterOf(string node) => C.Topology.FindNode(node)?.Cluster;

    private static bool Names(string address, Domain.Topology.NodeSpec node) =>
        string.Equals(address, node.Fqdn, StringComparison.OrdinalIgnoreCase)
        || string.Equals(address, node.Name, StringComparison.OrdinalIgnoreCase)
        || address == node.IpAddress;

    private static string? Detail(TraceEvent e, string key) => e.Details.FirstOrDefault(d => d.Key == key).Value;

    /// <summary>An accepted upload; <see cref="Copies"/> counts it and its repeats (the summary counts every acceptance).</summary>
    private sealed class Acknowledged(string node, string store, string ca, string fingerprint, SimInstant at, long seq)
    {
        public string Node { get; } = node;
        public string Store { get; } = store;
        public string Ca { get; } = ca;
        public string Fingerprint { get; } = fingerprint;
        public SimInstant At { get; } = at;
        public long Seq { get; } = seq;
        public int Copies { get; set; } = 1;
    }
}
