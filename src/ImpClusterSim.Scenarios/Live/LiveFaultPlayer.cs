using System.Collections.Immutable;
using System.Globalization;
using ImpClusterSim.Domain.Time;
using ImpClusterSim.Live.Control;
using ImpClusterSim.Live.Network;
using ImpClusterSim.Scenarios.Language;
using ImpClusterSim.Scenarios.Outcome;

namespace ImpClusterSim.Scenarios.Live;

/// <summary>
/// A scenario's faults in live mode (docs/live.md, "Faults"), each at its virtual instant on the coordinator's loop:
/// a partition is a cut in every node's network port (node traffic only, never membership), a heal removes it; a crash
/// is <c>kill -9</c> of the node's process, and its restart (after 'restart-after') starts the process again on the same
/// port and SQLite file and waits until it is an Up member; a clock skew is set in the node's clock. The faults live
/// mode cannot do are refused before anything starts (<see cref="LiveSupport"/>).
/// </summary>
internal sealed class LiveFaultPlayer(LiveRunHost host)
{
    /// <summary>How long (wall time) a restarted node process may take to be an Up member again.</summary>
    public static readonly TimeSpan RestartWithin = TimeSpan.FromSeconds(90);

    private readonly Dictionary<string, LinkCut> _cuts = new(StringComparer.Ordinal);
    private readonly List<FaultWindow> _windows = [];

    public ImmutableArray<FaultWindow> Windows => [.. _windows];

    public void ScheduleAll(ImmutableArray<Fault> faults)
    {
        for (var i = 0; i < faults.Length; i++)
        {
            var fault = faults[i];
            var id = fault.Id ?? $"{fault.Action.Kind}-{i + 1}";
            var until = fault.Until is { } u ? host.Start + u : (SimInstant?)null;
            if (fault.Action is Crash { RestartAfter: { } after }) until = host.Start + fault.At + after;
            _windows.Add(new FaultWindow(id, fault.Action.Kind, host.Start + fault.At, until));
            host.At(host.Start + fault.At, () => Strike(id, fault.Action));
            if (fault.Until is { } end) host.At(host.Start + end, () => Undo(id, fault.Action));
        }
    }

    private void Strike(string id, FaultAction action)
    {
        switch (action)
        {
            case Partition p:
                _cuts[id] = new LinkCut(id, [.. p.A.Nodes], [.. p.B.Nodes], BothWays: !p.OneWay);
                SendRules();
                host.Record("network", "partition-started", [("id", id), ("direction", p.OneWay ? "one-way" : "both-ways"),
                    ("side-a", string.Join(',', p.A.Nodes)), ("side-b", string.Join(',', p.B.Nodes))]);
                break;
            case Heal h:
                foreach (var cut in h.Id is null ? _cuts.Keys.Order(StringComparer.Ordinal).ToArray() : [h.Id]) Heal(cut);
                break;
            case Crash c:
                Kill(c.Node);
                if (c.RestartAfter is { } after) host.At(host.Now + after, () => Restart(c.Node));
                break;
            case ClockSkew k:
                Skew(k.Node, k.Offset);
                break;
            default:
                // LiveSupport refuses every other fault before the run starts.
                host.Record(RunnerNode, action.Kind, [("result", "not modelled live")]);
                break;
        }
    }

    private void Undo(string id, FaultAction action)
    {
        switch (action)
        {
            case Partition:
                Heal(id);
                break;
            case ClockSkew k:
                Skew(k.Node, TimeSpan.Zero);
                break;
        }
    }

    private const string RunnerNode = "scenario";

    private void Heal(string id)
    {
        if (!_cuts.Remove(id)) return;
        SendRules();
        host.Record("network", "partition-healed", [("id", id)]);
    }

    private LinkRules Rules => new([.. _cuts.Values], 0, 0);

    /// <summary>Every Up node gets the whole set of cuts (each answers before the loop goes on).</summary>
    private void SendRules()
    {
        foreach (var node in host.Coordinator.UpNodes.Order(StringComparer.Ordinal).Where(host.IsUp))
            TryAsk(node, new SetLinkRules(Rules));
    }

    private void Skew(string node, TimeSpan skew)
    {
        host.SetSkew(node, skew);
        if (host.IsUp(node)) TryAsk(node, new SetSkew(skew.Ticks));
        host.Record(node, "clock-skew", [("skew", DurationText.Format(skew))]);
    }

    private readonly Dictionary<string, long> _incarnations = new(StringComparer.Ordinal);

    private void Kill(string node)
    {
        if (!host.IsUp(node))
        {
            host.Record(node, "node-crashed", [("result", "already down")]);
            return;
        }

        try
        {
            _incarnations[node] = host.Ask<NodeStatusReport>(node, new GetNodeStatus()).Incarnation;
        }
        catch (Exception)
        {
            _incarnations[node] = 0;
        }

        host.PullTrace(node);
        host.Coordinator.Kill(node);
        host.SetDown(node, true);
        host.Record(node, "node-crashed", [("signal", "SIGKILL"), ("incarnation", _incarnations[node].ToString(CultureInfo.InvariantCulture))]);
    }

    /// <summary>Starts the killed node's process again and waits (wall time, bounded) until its new incarnation is Up.</summary>
    private void Restart(string node)
    {
        var status = host.Coordinator.RestartAsync(node, _incarnations.GetValueOrDefault(node), RestartWithin).GetAwaiter().GetResult();
        host.ForgetTrace(node);
        host.SetDown(node, false);
        if (_cuts.Count > 0) TryAsk(node, new SetLinkRules(Rules));
        if (host.SkewOf(node) is { } skew && skew != TimeSpan.Zero) TryAsk(node, new SetSkew(skew.Ticks));
        host.Record(node, "node-restarted", [("incarnation", status.Incarnation.ToString(CultureInfo.InvariantCulture)), ("from", "SQLite")]);
    }

    private void TryAsk(string node, object message)
    {
        try
        {
            host.Ask<ControlAck>(node, message);
        }
        catch (Exception e) when (e is Akka.Actor.AskTimeoutException or TaskCanceledException or ImpClusterSim.Live.Coordinator.LiveNodeUnreachableException)
        {
            host.Record(node, "fault-not-applied", [("reply", e.Message)]);
        }
    }
}
