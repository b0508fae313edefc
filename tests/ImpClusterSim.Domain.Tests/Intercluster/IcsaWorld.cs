using System.Collections.Immutable;
using ImpClusterSim.Domain.Intercluster;
using ImpClusterSim.Domain.Time;
using ImpClusterSim.Domain.Topology;
using ImpClusterSim.Pki;

namespace ImpClusterSim.Domain.Tests.Intercluster;

/// <summary>
/// A tiny deterministic world for agent tests: one agent per IM&amp;P cluster of the two-clusters topology, each
/// publisher's stores and presented Tomcat chain, zero-latency links that can be cut, and the agents' timers.
/// It carries out the agents' effects the way the actors will.
/// </summary>
internal sealed class IcsaWorld
{
    private readonly SortedDictionary<(long Ticks, long Seq), (string Cluster, string Peer)> timers = new();
    private readonly HashSet<(string, string)> cut = [];
    private long seq;

    public IcsaWorld(IcsaTimings? timings = null)
    {
        Topology = TopologyLoader.LoadEmbedded("two-clusters");
        foreach (var cluster in Topology.ImpClusters)
        {
            var publisher = cluster.Publisher;
            Sides[cluster.Name] = new Side(cluster.Name, publisher,
                InterclusterSyncAgent.Create(cluster.Name, publisher.Fqdn, timings ?? IcsaTimings.Default),
                IcsaPki.SelfSignedTomcat(publisher.Fqdn));
        }
    }

    public Deployment Topology { get; }

    public SortedDictionary<string, Side> Sides { get; } = new(StringComparer.Ordinal);

    public SimInstant Now { get; private set; } = IcsaPki.Now;

    public List<CertificateExchange> Exchanges { get; } = [];

    public List<IcsaEffect> Effects { get; } = [];

    /// <summary>A snapshot of the peer's status each time a sync completes, after its imports are applied.</summary>
    public List<SecureStatusSnapshot> Snapshots { get; } = [];

    public Side this[string cluster] => Sides[cluster];

    public sealed class Side(string cluster, NodeSpec publisher, InterclusterSyncAgent agent, Certificate tomcat)
    {
        public string Cluster { get; } = cluster;
        public NodeSpec Publisher { get; } = publisher;
        public InterclusterSyncAgent Agent { get; set; } = agent;
        public TrustStore TomcatTrust { get; set; } = IcsaPki.TomcatTrust(tomcat);
        public TrustStore CupXmppTrust { get; set; } = IcsaPki.CupXmppTrust();
        public ImmutableArray<Certificate> PresentedTomcat { get; set; } = [tomcat];
        public bool Fips { get; set; }
    }

    /// <summary>
    /// Configures each cluster as the other's TLS peer, A first, and runs until A's retry: A's first sync is refused
    /// (B has no entry for A yet), B's bootstraps at once, A's retry 5 minutes later bootstraps.
    /// </summary>
    public IcsaWorld PeerBothWays(string a = "imp-a", string b = "imp-b")
    {
        Apply(a, new AddPeer(IcsaPki.TlsPeer(this[b].Publisher.Fqdn)));
        Apply(b, new AddPeer(IcsaPki.TlsPeer(this[a].Publisher.Fqdn)));
        AdvanceTo(Now + this[a].Agent.Timings.RetryAfterFailure);
        return this;
    }

    public void Cut(string a, string b)
    {
        cut.Add((a, b));
        cut.Add((b, a));
    }

    public void Heal() => cut.Clear();

    public IcsaResult Apply(string cluster, IcsaCommand command)
    {
        var side = this[cluster];
        var result = side.Agent.Apply(command, Now);
        side.Agent = result.Agent;
        foreach (var effect in result.Effects)
        {
            Carry(side, effect);
        }
        if (command is SyncCompleted completed && side.Agent.StateOf(completed.PeerAddress) is { } state)
        {
            Snapshots.Add(SecureStatusSnapshot.Of(side.Cluster, state, side.TomcatTrust, Now, side.Fips, completed.Attempt.HostName));
        }
        return result;
    }

    /// <summary>Runs the timers due up to <paramref name="until"/>, in time order, calling <paramref name="observe"/> at each step.</summary>
    public void AdvanceTo(SimInstant until, Action<SimInstant>? observe = null, TimeSpan? observeEvery = null)
    {
        var step = observeEvery ?? TimeSpan.MaxValue;
        var nextObservation = observe is null ? (SimInstant?)null : Now;
        while (true)
        {
            var nextTimer = timers.Count > 0 ? new SimInstant(timers.Keys.First().Ticks) : (SimInstant?)null;
            if (nextObservation is { } o && o <= until && (nextTimer is null || o <= nextTimer))
            {
                Now = o;
                observe!(o);
                nextObservation = o + step;
                continue;
            }
            if (nextTimer is not { } t || t > until)
            {
                break;
            }
            var key = timers.Keys.First();
            var (cluster, peer) = timers[key];
            timers.Remove(key);
            Now = t;
            Apply(cluster, new SyncDue(peer));
        }
        Now = until;
    }

    private Side SideAt(string peerAddress) =>
        Sides.Values.First(s => s.Agent.Peers.LocalPublisher == peerAddress || s.Publisher.Fqdn == peerAddress || s.Publisher.Name == peerAddress);

    private void Carry(Side side, IcsaEffect effect)
    {
        Effects.Add(effect);
        switch (effect)
        {
            case StartSync s:
            {
                var target = SideAt(s.PeerAddress);
                var reachability = cut.Contains((side.Cluster, target.Cluster))
                    ? PeerReachability.Timeout
                    : target.Agent.Peers.Answer(side.Publisher, true, true);
                var attempt = new SyncAttempt(reachability, target.PresentedTomcat, side.TomcatTrust, side.CupXmppTrust, side.Fips, target.Fips)
                {
                    ResyncTomcat = s.ResyncTomcat,
                    PeerTomcatTrust = [.. target.TomcatTrust.Certificates],
                    PeerCupXmppTrust = [.. target.CupXmppTrust.Certificates],
                    HostName = target.Publisher.Fqdn,
                    AssociatedUsers = 100,
                };
                Apply(side.Cluster, new SyncCompleted(s.PeerAddress, attempt));
                break;
            }
            case NotifyPeerAgentRestarted n:
            {
                var target = SideAt(n.PeerAddress);
                if (!cut.Contains((side.Cluster, target.Cluster)))
                {
                    Apply(target.Cluster, new PeerAgentRestarted(side.Publisher));
                }
                break;
            }
            case ScheduleSync s:
                timers[(s.At.UtcTicks, seq++)] = (side.Cluster, s.PeerAddress);
                break;
            case ImportCertificate i:
                if (i.Import.StoreName == side.TomcatTrust.Name)
                {
                    side.TomcatTrust = side.TomcatTrust.Upload(i.Import.Certificate, side.Fips).Store;
                }
                else
                {
                    side.CupXmppTrust = side.CupXmppTrust.Upload(i.Import.Certificate, side.Fips).Store;
                }
                Exchanges.Add(i.Exchange);
                break;
        }
    }
}
