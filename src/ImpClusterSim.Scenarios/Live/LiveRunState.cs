using ImpClusterSim.Live.Control;
using ImpClusterSim.Live.Coordinator;
using ImpClusterSim.Live.Ports;

namespace ImpClusterSim.Scenarios.Live;

/// <summary>What a live run has seen so far: its timeline, checks and the trace pulled from the nodes.</summary>
internal sealed class LiveRunState(LiveTime time, TextWriter? progress)
{
    private static readonly HashSet<string> NodeEventsShown = new(StringComparer.Ordinal)
    {
        "node-started", "peer-status", "replication-lost", "replication-connected",
    };

    private readonly Dictionary<string, long> _next = new(StringComparer.Ordinal);

    public List<LiveCheck> Checks { get; } = [];

    public List<LiveEvent> Timeline { get; } = [];

    public List<TraceLine> Trace { get; } = [];

    public TimeSpan Now => time.Elapsed;

    /// <summary>Waits (wall time) until the run's virtual time reaches <paramref name="at"/>.</summary>
    public async Task Until(TimeSpan at)
    {
        var wait = time.WallAt(at) - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero) await Task.Delay(wait);
    }

    public void Event(string node, string @event, string details)
    {
        var e = new LiveEvent(Now, node, @event, details);
        Timeline.Add(e);
        progress?.WriteLine($"+{LiveShowcase.Format(e.At),-10} {node,-12} {@event,-20} {details}");
    }

    public void Check(string name, bool passed, string detail)
    {
        Checks.Add(new LiveCheck(name, passed, detail, Now));
        Event("scenario", passed ? "check-passed" : "check-failed", $"check={name}, detail={detail}");
    }

    /// <summary>Pulls the new trace events of <paramref name="nodes"/> (each asked with a bound).</summary>
    public async Task PullAsync(LiveCoordinator coordinator, IReadOnlyList<string> nodes)
    {
        foreach (var node in nodes)
        {
            while (true)
            {
                var batch = await coordinator.AskAsync<TraceBatch>(node, new PullTrace(_next.GetValueOrDefault(node)));
                _next[node] = batch.Next;
                foreach (var line in batch.Lines)
                {
                    Trace.Add(line);
                    if (NodeEventsShown.Contains(line.Event))
                        Timeline.Add(new LiveEvent(TimeSpan.FromTicks(line.TimeTicks - time.Origin.UtcTicks), line.Node, line.Event,
                            string.Join(", ", line.Details.Select(d => d.Key + "=" + d.Value))));
                }
                if (batch.Lines.Count == 0) break;
            }
        }
    }

    /// <summary>A restarted node's process starts its trace from index 0.</summary>
    public void ForgetTraceOf(string node) => _next.Remove(node);

    /// <summary>When <paramref name="node"/> first showed <paramref name="peer"/> in <paramref name="status"/> within [from, to], if it did.</summary>
    public TimeSpan? PeerStatus(string node, string peer, string status, TimeSpan from, TimeSpan to) =>
        Trace.Where(l => l.Node == node && l.Event == "peer-status"
                && l.Details.Any(d => d.Key == "peer" && d.Value == peer) && l.Details.Any(d => d.Key == "status" && d.Value == status))
            .Select(l => (TimeSpan?)TimeSpan.FromTicks(l.TimeTicks - time.Origin.UtcTicks))
            .Where(t => t >= from && t <= to)
            .Min();
}
