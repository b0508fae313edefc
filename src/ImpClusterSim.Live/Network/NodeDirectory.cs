using System.Collections.Immutable;
using Akka.Actor;
using Akka.Cluster;

namespace ImpClusterSim.Live.Network;

/// <summary>
/// Where each node lives, as cluster membership says: a member with the role <c>node:NAME</c> that is Up (and not
/// unreachable) is node NAME at its address. The network port reads <see cref="Current"/>; the
/// <see cref="DirectoryActor"/> keeps it up to date from cluster events. No address is configured by hand.
/// </summary>
public sealed class NodeDirectory
{
    public const string NodeRolePrefix = "node:";
    public const string ClusterRolePrefix = "cluster:";

    private ImmutableSortedDictionary<string, UniqueAddress> _current = ImmutableSortedDictionary.Create<string, UniqueAddress>(StringComparer.Ordinal);

    /// <summary>Each Up, reachable node's member address (with its incarnation's uid).</summary>
    public ImmutableSortedDictionary<string, UniqueAddress> Current => Volatile.Read(ref _current);

    public Address? AddressOf(string node) => Current.TryGetValue(node, out var a) ? a.Address : null;

    public static string? NodeNameOf(Member member) =>
        member.Roles.FirstOrDefault(r => r.StartsWith(NodeRolePrefix, StringComparison.Ordinal))?[NodeRolePrefix.Length..];

    internal void Set(ImmutableSortedDictionary<string, UniqueAddress> map) => Volatile.Write(ref _current, map);

    /// <summary>Starts the actor that follows membership into <paramref name="directory"/>.</summary>
    public static IActorRef Follow(ActorSystem system, NodeDirectory directory) =>
        system.ActorOf(Props.Create(() => new DirectoryActor(directory)), "directory");

    /// <summary>Subscribes to membership and reachability and rebuilds the directory on every change.</summary>
    public sealed class DirectoryActor : ReceiveActor
    {
        private readonly Dictionary<UniqueAddress, (Member Member, long Seen)> _members = [];
        private readonly HashSet<UniqueAddress> _unreachable = [];
        private long _seen;

        public DirectoryActor(NodeDirectory directory)
        {
            var cluster = Akka.Cluster.Cluster.Get(Context.System);
            void Publish() => directory.Set(_members.Values
                .Where(m => m.Member.Status == MemberStatus.Up && !_unreachable.Contains(m.Member.UniqueAddress) && NodeNameOf(m.Member) is not null)
                .GroupBy(m => NodeNameOf(m.Member)!)
                // A restarted node on the same host:port is a new incarnation: the one seen last wins.
                .ToImmutableSortedDictionary(g => g.Key, g => g.OrderBy(m => m.Seen).Last().Member.UniqueAddress, StringComparer.Ordinal));

            void Track(Member m) => _members[m.UniqueAddress] = (m, _members.TryGetValue(m.UniqueAddress, out var known) ? known.Seen : ++_seen);

            Receive<ClusterEvent.CurrentClusterState>(s =>
            {
                foreach (var m in s.Members) Track(m);
                foreach (var m in s.Unreachable) _unreachable.Add(m.UniqueAddress);
                Publish();
            });
            Receive<ClusterEvent.IMemberEvent>(e =>
            {
                if (e is ClusterEvent.MemberRemoved)
                {
                    _members.Remove(e.Member.UniqueAddress);
                    _unreachable.Remove(e.Member.UniqueAddress);
                }
                else Track(e.Member);
                Publish();
            });
            Receive<ClusterEvent.UnreachableMember>(e =>
            {
                _unreachable.Add(e.Member.UniqueAddress);
                Publish();
            });
            Receive<ClusterEvent.ReachableMember>(e =>
            {
                _unreachable.Remove(e.Member.UniqueAddress);
                Publish();
            });
            cluster.Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsSnapshot,
                typeof(ClusterEvent.IMemberEvent), typeof(ClusterEvent.IReachabilityEvent));
        }

        protected override void PostStop() => Akka.Cluster.Cluster.Get(Context.System).Unsubscribe(Self);
    }
}
