using System.Collections.Immutable;
using ImpClusterSim.Node.Ports;
using ImpClusterSim.Scenarios.Outcome;

namespace ImpClusterSim.Scenarios.Reports;

/// <summary>
/// The report's timeline plot as data, drawn from a scenario's trace events: one lane per intercluster peer status
/// (a "peer-status" stream of one publisher about one peer), one per node that went down during the run, and one per
/// service whose state changed after it first started ("service-status"); the start-up of a service is not a change;
/// and one per trust store that received a certificate during the run ("trust-added"), a new segment at each arrival.
/// A node that crashes or stops shows as "down" on its own lanes until it starts again.
/// </summary>
public sealed record TimelineModel(TimeSpan Duration, ImmutableArray<TimelineLane> Lanes)
{
    public static TimelineModel From(ScenarioOutcome outcome)
    {
        var end = outcome.VirtualDuration > TimeSpan.Zero ? outcome.VirtualDuration : TimeSpan.FromTicks(1);
        var lanes = new SortedDictionary<string, LaneBuilder>(StringComparer.Ordinal);
        LaneBuilder Lane(string kind, string node, string key, string label)
        {
            if (!lanes.TryGetValue(key, out var lane)) lanes[key] = lane = new LaneBuilder(kind, node, key, label);
            return lane;
        }

        foreach (var e in outcome.Events)
        {
            var at = Clamp(e.Time - outcome.Start, end);
            switch (e.Event)
            {
                case "peer-status" when Detail(e, "peer") is { } peer && Detail(e, "status") is { } status:
                    Lane("peer", e.Node, $"peer:{e.Node}>{peer}", $"{e.Node} \u2192 {peer}").Set(at, status, StatusClasses.Peer(status));
                    break;
                case "service-status" when Detail(e, "service") is { } service && Detail(e, "status") is { } status:
                    Lane("service", e.Node, $"service:{e.Node}/{service}", $"{e.Node}: {service}").Set(at, status, StatusClasses.Service(status));
                    break;
                // A trust store that received a certificate during the run: when each one arrived (start-up is not shown).
                case "trust-added" when at > TimeSpan.Zero && Detail(e, "store") is { } store:
                    var trust = Lane("trust", e.Node, $"trust:{e.Node}/{store}", $"{e.Node}: {store}");
                    trust.Set(at, $"+{Detail(e, "file")} ({Detail(e, "origin")})", "trust-arrived");
                    break;
                case "node-crashed" or "node-stopped":
                    Lane("node", e.Node, $"node:{e.Node}", e.Node).Set(at, "down", "down");
                    foreach (var lane in lanes.Values.Where(l => l.Node == e.Node && l.Kind != "node")) lane.Down(at);
                    break;
                case "node-started" when lanes.TryGetValue($"node:{e.Node}", out var nodeLane):
                    nodeLane.Set(at, "up", "up");
                    foreach (var lane in lanes.Values.Where(l => l.Node == e.Node && l.Kind != "node")) lane.Up(at);
                    break;
            }
        }

        var order = new[] { "peer", "node", "trust", "service" };
        var built = lanes.Values
            .Where(l => l.Kind != "service" || l.ChangedAfterStartUp)
            .OrderBy(l => Array.IndexOf(order, l.Kind)).ThenBy(l => l.Key, StringComparer.Ordinal)
            .Select(l => l.Build(end))
            .ToImmutableArray();
        return new TimelineModel(end, built);
    }

    private static TimeSpan Clamp(TimeSpan t, TimeSpan end) => t < TimeSpan.Zero ? TimeSpan.Zero : t > end ? end : t;

    internal static string? Detail(TraceEvent e, string key)
    {
        foreach (var (k, v) in e.Details)
            if (k == key) return v;
        return null;
    }

    private sealed class LaneBuilder(string kind, string node, string key, string label)
    {
        private readonly List<TimelineSegment> _segments = [];
        private (TimeSpan From, string Status, string Css)? _open;
        private bool _started;

        public string Kind => kind;

        public string Key => key;

        /// <summary>The node whose lane this is (the publisher of a peer lane, the node of a service lane).</summary>
        public string Node => node;

        public bool ChangedAfterStartUp { get; private set; }

        public void Set(TimeSpan at, string status, string css)
        {
            if (_open is { } o && o.Status == status) return;
            if (_started) ChangedAfterStartUp = true;
            if (css == "started") _started = true;
            Close(at);
            _open = (at, status, css);
        }

        public void Down(TimeSpan at)
        {
            if (_started) ChangedAfterStartUp = true;
            Close(at);
            _open = (at, "node down", "down");
        }

        /// <summary>The node is back: its lanes are unknown until the next status.</summary>
        public void Up(TimeSpan at)
        {
            if (_open is { Css: "down" }) Close(at);
        }

        public TimelineLane Build(TimeSpan end)
        {
            Close(end);
            return new TimelineLane(kind, key, label, [.. _segments]);
        }

        private void Close(TimeSpan at)
        {
            if (_open is { } o && at > o.From) _segments.Add(new TimelineSegment(o.From, at, o.Status, o.Css));
            _open = null;
        }
    }
}
