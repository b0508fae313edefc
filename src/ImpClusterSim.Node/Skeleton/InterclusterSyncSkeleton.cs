using Akka.Actor;
using ImpClusterSim.Node.Ports;
using ImpClusterSim.Node.Runtime;

namespace ImpClusterSim.Node.Skeleton;

/// <summary>
/// Skeleton of the Cisco Intercluster Sync Agent on a publisher: syncs with each peer publisher's Cisco Tomcat at start
/// and every 30 minutes; a peer that does not answer within a minute is "Not reachable" and is retried after 5 minutes.
/// Successful syncs are counted on the node's disk, so they survive a crash.
/// </summary>
public sealed class InterclusterSyncSkeleton : ReceiveActor, IWithTimers
{
    public const string ServiceName = "Cisco Intercluster Sync Agent";
    public const string LedgerKey = "icsa/ledger";
    public static readonly TimeSpan PeriodicInterval = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan RetryAfterFailure = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan AnswerTimeout = TimeSpan.FromMinutes(1);

    private readonly Dictionary<string, string> _status = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _awaiting = new(StringComparer.Ordinal);
    private long _sequence;

    public ITimerScheduler Timers { get; set; } = null!;

    public InterclusterSyncSkeleton(NodeContext node, SkeletonRole role)
    {
        var path = Self.Path.ToStringWithoutAddress();

        void SetStatus(string peer, string status)
        {
            if (_status.TryGetValue(peer, out var old) && old == status) return;
            _status[peer] = status;
            node.Record(path, "peer-status", ("peer", peer), ("status", status));
        }

        Receive<SyncWith>(m =>
        {
            var seq = ++_sequence;
            _awaiting[m.Peer] = seq;
            node.Network.Send(ServiceName, m.Peer, TomcatSkeleton.ServiceName, new PeerSyncRequest(role.Cluster, seq));
            Timers.StartSingleTimer("timeout:" + m.Peer, new AnswerOverdue(m.Peer, seq), AnswerTimeout);
        });
        Receive<NetworkEnvelope>(e => e.Payload is PeerSyncResponse, e =>
        {
            var response = (PeerSyncResponse)e.Payload;
            if (!_awaiting.TryGetValue(e.FromNode, out var seq) || seq != response.Sequence) return;
            _awaiting.Remove(e.FromNode);
            Timers.Cancel("timeout:" + e.FromNode);
            var ledger = node.Disk.TryGet<PeerSyncLedger>(LedgerKey, out var l) ? l : PeerSyncLedger.Empty;
            node.Disk.Put(LedgerKey, ledger.Count(e.FromNode));
            SetStatus(e.FromNode, "Connected");
            Timers.StartSingleTimer("sync:" + e.FromNode, new SyncWith(e.FromNode), PeriodicInterval);
        });
        Receive<AnswerOverdue>(m =>
        {
            if (!_awaiting.TryGetValue(m.Peer, out var seq) || seq != m.Sequence) return;
            _awaiting.Remove(m.Peer);
            SetStatus(m.Peer, "Not reachable");
            Timers.StartSingleTimer("sync:" + m.Peer, new SyncWith(m.Peer), RetryAfterFailure);
        });

        // An agent that (re)starts syncs with every peer at once.
        foreach (var peer in role.PeerPublishers) Self.Tell(new SyncWith(peer));
    }

    public static Props Props(NodeContext node, SkeletonRole role) =>
        ActorFactory.Props(() => new InterclusterSyncSkeleton(node, role));

    private sealed record SyncWith(string Peer);

    private sealed record AnswerOverdue(string Peer, long Sequence);
}
