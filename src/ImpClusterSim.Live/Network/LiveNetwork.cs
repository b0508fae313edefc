using Akka.Actor;
using ImpClusterSim.Live.Ports;
using ImpClusterSim.Node.Ports;

namespace ImpClusterSim.Live.Network;

/// <summary>
/// A node's network port in live mode: a message for node X's service goes over Akka.Remote (TCP) to the process that
/// cluster membership says is node X (<see cref="NodeDirectory"/>), into that process's <c>/user/node</c> inbox.
/// The coordinator's <see cref="LinkRules"/> apply here, on the sending side: a cut or a loss draw drops the message,
/// latency delays it. A node that is not an Up, reachable member is not reachable: the message is dropped, as a
/// connection to a host that does not answer. Counters are for the node's status report.
/// </summary>
public sealed class LiveNetwork(ActorSystem host, NodeDirectory directory, string self, LiveClock clock, IRandomSource random) : INodeNetwork
{
    public const string InboxName = "node";

    private LinkRules _rules = LinkRules.Open;
    private long _sent;
    private long _dropped;

    public LinkRules Rules
    {
        get => Volatile.Read(ref _rules);
        set => Volatile.Write(ref _rules, value);
    }

    public long Sent => Interlocked.Read(ref _sent);

    public long Dropped => Interlocked.Read(ref _dropped);

    public void Send(string fromService, string toNode, string toService, object payload)
    {
        var rules = Rules;
        var address = directory.AddressOf(toNode);
        if (address is null || rules.CutBetween(self, toNode) is not null || (rules.Loss > 0 && random.NextDouble() < rules.Loss))
        {
            Interlocked.Increment(ref _dropped);
            return;
        }
        Interlocked.Increment(ref _sent);
        var envelope = new NetworkEnvelope(self, fromService, toService, payload);
        var target = host.ActorSelection(new RootActorPath(address) / "user" / InboxName);
        if (rules.LatencyVirtualMs <= 0) target.Tell(envelope);
        else host.Scheduler.Advanced.ScheduleOnce(clock.Time.Wall(TimeSpan.FromMilliseconds(rules.LatencyVirtualMs)), () => target.Tell(envelope));
    }
}
