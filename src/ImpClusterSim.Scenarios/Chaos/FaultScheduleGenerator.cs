using System.Collections.Immutable;
using ImpClusterSim.Domain.Services;
using ImpClusterSim.Domain.Time;
using ImpClusterSim.Domain.Topology;
using ImpClusterSim.Node.Ports;
using ImpClusterSim.Simulation.Randomness;

namespace ImpClusterSim.Scenarios.Chaos;

/// <summary>
/// Generates a fault schedule from a seed (docs/chaos.md, "The generator"). It draws from its own stream,
/// <c>Stream("chaos-schedule")</c> of the seed, apart from every stream the world draws from, so the world of a seed
/// stays the same whatever the schedule (that is what lets the shrinker change the schedule alone).
/// Swarm testing: per run, each kind of <see cref="ChaosFaultKinds"/> is switched on or off (a fair coin; at least one is
/// on) and its intensity drawn (0.2 to 1.8 times its base count, times the profile's intensity); every fault strikes at a
/// uniform time and lasts a heavy-tailed (Pareto, shape 1.2) duration; every window ends, and every crashed node is
/// back, by <c>faultsEnd</c>, so that the quiet period after it tests liveness.
/// </summary>
public sealed class FaultScheduleGenerator(Deployment topology, TimeSpan faultsEnd, ChaosProfile profile)
{
    /// <summary>The earliest time a fault strikes (after the nodes have booted).</summary>
    public static readonly TimeSpan FirstFault = TimeSpan.FromMinutes(5);

    private const double ParetoShape = 1.2;

    private readonly NodeSpec[] _imp = [.. topology.ImpClusters.SelectMany(c => c.Nodes)];
    private readonly NodeSpec[] _all = [.. topology.Nodes];
    private readonly NodeSpec[] _publishers = [.. topology.ImpClusters.Select(c => c.Publisher)];
    private readonly string[] _clusters = [.. topology.ImpClusters.Select(c => c.Name)];
    private readonly HashSet<string> _unplaceable = [.. ChaosFaultKinds.All.Where(k => CannotPlace(topology, k) is not null)];

    /// <summary>
    /// What a fault of <paramref name="kind"/> needs that <paramref name="topology"/> lacks, e.g. "two IM&amp;P clusters
    /// (the deployment has 1)": the generator places no fault of that kind there. Null when it can place one.
    /// </summary>
    public static string? CannotPlace(Deployment topology, string kind)
    {
        var nodes = topology.Nodes.Count();
        var clusters = topology.ImpClusters.Length;
        return kind switch
        {
            ChaosFaultKinds.Partition or ChaosFaultKinds.Link when nodes < 2 => $"two nodes (the deployment has {nodes})",
            ChaosFaultKinds.NameResolution when clusters < 2 => $"two IM&P clusters, one publisher failing to resolve the other's name (the deployment has {clusters})",
            _ when nodes == 0 => "a node (the deployment has none)",
            _ => null,
        };
    }

    /// <summary>The schedule of <paramref name="seed"/>: the same seed, topology, horizon and profile give the same faults.</summary>
    public ChaosSchedule Generate(ulong seed)
    {
        var random = new RunRandomness(seed).Stream("chaos-schedule");
        var on = new List<string>();
        var counts = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var kind in ChaosFaultKinds.All)
        {
            // Always two draws per kind, so that restricting the kinds does not shift the others' draws.
            var coin = random.Bernoulli(0.5);
            var intensity = 0.2 + 1.6 * random.NextDouble();
            if (!profile.Kinds.Contains(kind)) continue;
            counts[kind] = BaseCount(kind) * intensity * profile.Intensity * (faultsEnd - FirstFault).TotalHours / 24;
            if (coin) on.Add(kind);
        }

        if (on.Count == 0 && counts.Count > 0) on.Add(random.Pick(counts.Keys.Order(StringComparer.Ordinal).ToArray()));
        var faults = new List<ScheduledFault>();
        if (faultsEnd <= FirstFault + TimeSpan.FromMinutes(1)) return new ChaosSchedule(seed, [.. on], []);
        foreach (var kind in ChaosFaultKinds.All.Where(on.Contains))
        {
            var expected = counts[kind];
            var n = (int)Math.Min(40, Math.Floor(expected) + (random.NextDouble() < expected - Math.Floor(expected) ? 1 : 0));
            for (var i = 0; i < n; i++)
                if (Make(kind, random) is { } f) faults.Add(f);
        }

        var ordered = faults.OrderBy(f => f.At).ThenBy(f => f.Kind, StringComparer.Ordinal).ToList();
        return new ChaosSchedule(seed, [.. on], [.. ordered.Select((f, i) => f with { Id = $"chaos-{i + 1}" })]);
    }

    /// <summary>Faults of a kind in a 24-hour fault phase at intensity 1.</summary>
    private static double BaseCount(string kind) => kind switch
    {
        ChaosFaultKinds.Partition => 6,
        ChaosFaultKinds.Link => 4,
        ChaosFaultKinds.Crash => 4,
        ChaosFaultKinds.RestartNode => 2,
        ChaosFaultKinds.ServiceStop => 3,
        ChaosFaultKinds.ServiceKill => 3,
        ChaosFaultKinds.ClockSkew => 2,
        ChaosFaultKinds.ClockJump => 1,
        ChaosFaultKinds.FipsSelfTest => 2,
        ChaosFaultKinds.NameResolution => 3,
        ChaosFaultKinds.DiskFailure => 3,
        _ => 1,
    };

    private ScheduledFault? Make(string kind, IRandomSource r)
    {
        var at = Seconds(r.NextDuration(FirstFault, faultsEnd - TimeSpan.FromMinutes(1)));
        var room = faultsEnd - at;
        if (_unplaceable.Contains(kind)) return null;
        TimeSpan Window(TimeSpan min) => Seconds(HeavyTailed(r, min, room));
        switch (kind)
        {
            case ChaosFaultKinds.Partition:
            {
                var (a, b) = Sides(r);
                var oneWay = r.Bernoulli(0.3);
                var args = new List<KeyValuePair<string, string>> { new("a", a), new("b", b) };
                if (oneWay) args.Add(new("one-way", "true"));
                return Fault(at, Window(TimeSpan.FromMinutes(1)), kind, args);
            }
            case ChaosFaultKinds.Link:
            {
                var (a, b) = Sides(r);
                var args = new List<KeyValuePair<string, string>> { new("a", a), new("b", b) };
                var latency = r.Bernoulli(0.6);
                var loss = r.Bernoulli(0.5);
                var duplication = r.Bernoulli(0.3);
                var reorder = r.Bernoulli(0.3);
                var low = r.NextInt64(1, 200);
                var jitter = r.NextInt64(0, 2000);
                var pLoss = 0.01 + 0.5 * r.NextDouble();
                var pDup = 0.01 + 0.2 * r.NextDouble();
                var pReorder = 0.01 + 0.3 * r.NextDouble();
                if (!(latency || loss || duplication || reorder)) latency = true;
                if (latency) args.Add(new("latency", jitter == 0 ? $"{low}ms" : $"{low}ms..{low + jitter}ms"));
                if (loss) args.Add(new("loss", ScheduledFault.Probability(pLoss)));
                if (duplication) args.Add(new("duplication", ScheduledFault.Probability(pDup)));
                if (reorder) args.Add(new("reorder", ScheduledFault.Probability(pReorder)));
                return Fault(at, Window(TimeSpan.FromMinutes(1)), kind, args);
            }
            case ChaosFaultKinds.Crash:
            {
                var node = PickNode(r);
                var back = Window(TimeSpan.FromMinutes(1));
                return Fault(at, null, kind, [new("node", node), new("restart-after", DurationText.Format(back))]);
            }
            case ChaosFaultKinds.RestartNode:
                return room < TimeSpan.FromMinutes(3) ? null : Fault(at, null, kind, [new("node", PickNode(r))]);
            case ChaosFaultKinds.ServiceStop:
            case ChaosFaultKinds.ServiceKill:
            {
                var node = _all[r.NextInt64(0, _all.Length)];
                var services = ServiceCatalogue.Default.ForNode(node);
                var service = services[(int)r.NextInt64(0, services.Length)].Name;
                var window = kind == ChaosFaultKinds.ServiceStop ? Window(TimeSpan.FromMinutes(1)) : (TimeSpan?)null;
                if (kind == ChaosFaultKinds.ServiceKill && room < TimeSpan.FromMinutes(2)) return null;
                return Fault(at, window, kind, [new("node", node.Name), new("service", service)]);
            }
            case ChaosFaultKinds.ClockSkew:
            case ChaosFaultKinds.ClockJump:
            {
                var node = PickNode(r);
                var jump = kind == ChaosFaultKinds.ClockJump;
                var size = jump ? TimeSpan.FromDays(r.NextInt64(1, 401)) : Seconds(r.NextDuration(TimeSpan.FromMinutes(1), TimeSpan.FromHours(3)));
                var offset = r.Bernoulli(0.5) ? -size : size;
                return Fault(at, Window(jump ? TimeSpan.FromSeconds(30) : TimeSpan.FromMinutes(1)), "clock-skew",
                    [new("node", node), new("offset", DurationText.Format(offset))]);
            }
            case ChaosFaultKinds.FipsSelfTest:
            {
                var node = PickNode(r);
                var persistent = r.Bernoulli(0.2);
                return Fault(at, null, kind, [new("node", node), new("mode", persistent ? "persistent" : "transient")]);
            }
            case ChaosFaultKinds.NameResolution:
            {
                var from = (int)r.NextInt64(0, _publishers.Length);
                var to = (int)r.NextInt64(0, _publishers.Length - 1);
                if (to >= from) to++;
                var slow = r.Bernoulli(0.4);
                var delay = Seconds(r.NextDuration(TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(3)));
                var args = new List<KeyValuePair<string, string>> { new("node", _publishers[from].Name), new("host", _publishers[to].Name) };
                if (slow) args.Add(new("delay", DurationText.Format(delay)));
                return Fault(at, Window(TimeSpan.FromMinutes(1)), kind, args);
            }
            case ChaosFaultKinds.DiskFailure:
                return Fault(at, Window(TimeSpan.FromSeconds(30)), kind, [new("node", PickNode(r))]);
            default:
                return null;
        }
    }

    private static ScheduledFault Fault(TimeSpan at, TimeSpan? window, string kind, IEnumerable<KeyValuePair<string, string>> args) =>
        new("", at, window, kind, [.. args]);

    /// <summary>Two sides: two IM&amp;P clusters (60 %), or two nodes of different clusters.</summary>
    private (string A, string B) Sides(IRandomSource r)
    {
        var clusters = r.Bernoulli(0.6) && _clusters.Length >= 2;
        if (clusters)
        {
            var i = (int)r.NextInt64(0, _clusters.Length);
            var j = (int)r.NextInt64(0, _clusters.Length - 1);
            if (j >= i) j++;
            return (_clusters[i], _clusters[j]);
        }

        var a = _all[r.NextInt64(0, _all.Length)];
        var others = _all.Where(n => n.Cluster != a.Cluster).ToArray();
        if (others.Length == 0) others = [.. _all.Where(n => n.Name != a.Name)];
        return (a.Name, others[r.NextInt64(0, others.Length)].Name);
    }

    /// <summary>A node: an IM&amp;P node four times in five (the guide's procedures run there), else any node.</summary>
    private string PickNode(IRandomSource r) =>
        r.Bernoulli(0.8) && _imp.Length > 0 ? _imp[r.NextInt64(0, _imp.Length)].Name : _all[r.NextInt64(0, _all.Length)].Name;

    /// <summary>Pareto(min, shape 1.2), capped at <paramref name="max"/>: most faults short, a few very long.</summary>
    private static TimeSpan HeavyTailed(IRandomSource r, TimeSpan min, TimeSpan max)
    {
        var u = 1 - r.NextDouble(); // (0, 1]
        var ticks = min.Ticks / Math.Pow(u, 1 / ParetoShape);
        return TimeSpan.FromTicks((long)Math.Min(ticks, Math.Max(min.Ticks, max.Ticks)));
    }

    private static TimeSpan Seconds(TimeSpan t) => TimeSpan.FromSeconds(Math.Max(1, Math.Floor(t.TotalSeconds)));
}

/// <summary>A seed's generated schedule: the kinds switched on for this run (swarm) and the faults in time order.</summary>
public sealed record ChaosSchedule(ulong Seed, ImmutableArray<string> KindsOn, ImmutableArray<ScheduledFault> Faults);
