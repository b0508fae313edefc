using Akka.Actor;
using ImpClusterSim.Node.Ports;
using ImpClusterSim.Node.Runtime;

namespace ImpClusterSim.Node.Skeleton;

/// <summary>
/// Skeleton of database replication: each subscriber pings its publisher every minute and reports when the link is
/// lost (three pings unanswered) and when it comes back. The publisher answers.
/// </summary>
public sealed class ReplicationSkeleton : ReceiveActor, IWithTimers
{
    public const string ServiceName = "A Cisco DB Replicator";
    public static readonly TimeSpan PingInterval = TimeSpan.FromMinutes(1);
    private const int MissedPingsForLoss = 3;

    private long _sent;
    private long _lastAnswered;
    private bool _connected = true;

    public ITimerScheduler Timers { get; set; } = null!;

    public ReplicationSkeleton(NodeContext node, SkeletonRole role)
    {
        var path = Self.Path.ToStringWithoutAddress();
        Receive<NetworkEnvelope>(e => e.Payload is ReplicationPing ping,
            e => node.Network.Send(ServiceName, e.FromNode, ServiceName, new ReplicationPong(((ReplicationPing)e.Payload).Sequence)));
        Receive<NetworkEnvelope>(e => e.Payload is ReplicationPong, e =>
        {
            _lastAnswered = Math.Max(_lastAnswered, ((ReplicationPong)e.Payload).Sequence);
            if (_connected) return;
            _connected = true;
            node.Record(path, "replication-connected", ("publisher", role.Publisher));
        });
        Receive<Tick>(_ =>
        {
            if (_connected && _sent - _lastAnswered >= MissedPingsForLoss)
            {
                _connected = false;
                node.Record(path, "replication-lost", ("publisher", role.Publisher));
            }
            node.Network.Send(ServiceName, role.Publisher, ServiceName, new ReplicationPing(++_sent));
        });
        if (!role.IsPublisher) Timers.StartPeriodicTimer("ping", Tick.Instance, PingInterval);
    }

    public static Props Props(NodeContext node, SkeletonRole role) =>
        ActorFactory.Props(() => new ReplicationSkeleton(node, role));

    private sealed class Tick
    {
        public static readonly Tick Instance = new();
    }
}
