using Akka.Actor;
using ImpClusterSim.Live.Ports;
using ImpClusterSim.Node.Ports;

namespace ImpClusterSim.Live.Network;

/// <summary>
/// A node's network port in live mode: a message for node X's service goes over Akka.Remote (TCP) to the process that
/// cluster membership says is node X (<see cref="NodeDirectory"/>), into that process's <c>/user/node</c> inbox.
/// The coordinator's <see cref="LinkRules"/> apply here, on the sending side: a cut or a loss draw drops the message,
/// latency delays it. A node that is not an Up, reachable member is not reachable: the message is dropped, as a
/// connection to a host that does not answer. Its counters (<see cref="Counts"/>: sent, delivered by the inbox,
/// dropped by a fault, dropped as unreachable) go to the coordinator with the node's trace and status.
/// </summary>
public sealed class LiveNetwork(ActorSystem host, NodeDirectory directory, string self, LiveClock clock, IRandomSource random) : INodeNetwork
{
    public const string InboxName = "node";

    private LinkRules _rules = LinkRules.Open;
    private long _sent;
    private long _delivered;
    private long _droppedByFault;
    private long _droppedUnreachable;

    public LinkRules Rules
    {
        get => Volatile.Read(ref _rules);
        set => Volatile.Write(ref _rules, value);
    }

    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>Messages not sent: by an injected fault or to a node that is not an Up member.</summary>
    public long Dropped => Counts.Dropped;

    /// <summary>The node's message counts of this process so far.</summary>
    public NetworkCounts Counts => new(Sent, Interlocked.Read(ref _delivered), Interlocked.Read(ref _droppedByFault), Interlocked.Read(ref _droppedUnreachable));

    /// <summary>Counts one message from another node process handed to this node's services (by <see cref="NodeInbox"/>).</summary>
    public void CountDelivered() => Interlocked.Increment(ref _delivered);

    public void Send(string fromService, string toNode, string toService, object payload)
    {
        var rules = Rules;
        var address = directory.AddressOf(toNode);
        if (rules.CutBetween(self, toNode) is not null || (rules.Loss > 0 && random.NextDouble() < rules.Loss))
        {
            Interlocked.Increment(ref _droppedByFault);
            return;
        }
        if (address is null)
        {
            Interlocked.Increment(ref _droppedUnreachable);
            return;
        }
        Interlocked.Increment(ref _sent);
        var envelope = new NetworkEnvelope(self, fromService, toService, payload);
        var target = host.ActorSelection(new RootActorPath(address) / "user" / InboxName);
        if (rules.LatencyVirtualMs <= 0) target.Tell(envelope);
        else host.Scheduler.Advanced.ScheduleOnce(clock.Time.Wall(TimeSpan.FromMilliseconds(rules.LatencyVirtualMs)), () => target.Tell(envelope));
    }
}
