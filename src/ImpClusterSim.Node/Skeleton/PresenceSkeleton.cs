using Akka.Actor;
using ImpClusterSim.Node.Ports;
using ImpClusterSim.Node.Runtime;

namespace ImpClusterSim.Node.Skeleton;

/// <summary>
/// Skeleton of the Cisco Presence Engine: publishes a presence update to a randomly chosen node of its cluster at a
/// steady rate, so that a run carries realistic background traffic. Received updates are counted (volatile).
/// </summary>
public sealed class PresenceSkeleton : ReceiveActor, IWithTimers
{
    public const string ServiceName = "Cisco Presence Engine";
    public static readonly TimeSpan PublishInterval = TimeSpan.FromSeconds(20);

    private long _published;

    public ITimerScheduler Timers { get; set; } = null!;

    public long Received { get; private set; }

    public PresenceSkeleton(NodeContext node, SkeletonRole role)
    {
        var random = node.Random("presence");
        var others = role.ClusterNodes.Where(n => n != role.NodeName).ToArray();
        Receive<NetworkEnvelope>(e => e.Payload is PresenceUpdate, _ => Received++);
        Receive<Publish>(_ =>
        {
            if (others.Length == 0) return;
            var to = others[random.NextInt64(0, others.Length)];
            node.Network.Send(ServiceName, to, ServiceName, new PresenceUpdate($"user{++_published}@{role.NodeName}", _published));
        });
        // Spread the nodes' phases so that they do not all publish at the same instant.
        var phase = TimeSpan.FromTicks(random.NextInt64(0, PublishInterval.Ticks));
        Timers.StartPeriodicTimer("publish", Publish.Instance, phase, PublishInterval);
    }

    public static Props Props(NodeContext node, SkeletonRole role) =>
        ActorFactory.Props(() => new PresenceSkeleton(node, role));

    private sealed class Publish
    {
        public static readonly Publish Instance = new();
    }
}
