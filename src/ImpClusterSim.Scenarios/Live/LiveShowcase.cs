using System.Diagnostics;
using ImpClusterSim.Domain.Time;
using ImpClusterSim.Live;
using ImpClusterSim.Live.Control;
using ImpClusterSim.Live.Coordinator;
using ImpClusterSim.Live.Network;
using ImpClusterSim.Live.Ports;
using ImpClusterSim.Node.Skeleton;

namespace ImpClusterSim.Scenarios.Live;

/// <summary>
/// The kernel showcase played live: every node of a topology in its own process with the skeleton services, and on the
/// way, in scaled wall time, a clock skew, a partition between the first two IM&amp;P clusters (cut by the live network
/// port; membership traffic untouched) that heals, and a <c>kill -9</c> of the last IM&amp;P cluster's publisher that
/// restarts from its SQLite file. The checks query the nodes. Times are virtual (since the start of the run).
/// </summary>
public static class LiveShowcase
{
    public static readonly TimeSpan SkewAt = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan Skew = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan PartitionStart = TimeSpan.FromMinutes(40);
    public static readonly TimeSpan PartitionEnd = TimeSpan.FromMinutes(75);
    public static readonly TimeSpan CrashAt = TimeSpan.FromMinutes(90);
    public static readonly TimeSpan RestartAt = TimeSpan.FromMinutes(100);
    public static readonly TimeSpan Until = TimeSpan.FromMinutes(120);

    /// <summary>The Intercluster Sync Agent's answer timeout plus its retry after a failure: a heal is seen within it (plus slack).</summary>
    public static readonly TimeSpan HealSeenWithin = InterclusterSyncSkeleton.AnswerTimeout + InterclusterSyncSkeleton.RetryAfterFailure + TimeSpan.FromMinutes(4);

    /// <summary>
    /// Starts the deployment, plays the plan and checks it, then stops every process (unless <paramref name="keep"/>).
    /// <paramref name="progress"/> gets a line per step as it happens. Throws <see cref="LiveStartException"/> when
    /// the deployment cannot start; every process started is stopped first.
    /// </summary>
    public static async Task<LiveOutcome> PlayAsync(LiveDeploymentOptions options, TextWriter? progress = null, bool keep = false)
    {
        var wall = Stopwatch.StartNew();
        await using var coordinator = await LiveCoordinator.StartAsync(options);
        coordinator.Keep = keep;
        var upSeconds = wall.Elapsed.TotalSeconds;
        var time = await coordinator.StartServicesAsync(SimInstant.DefaultRunStart);
        var run = new LiveRunState(time, progress);
        run.Event("coordinator", "nodes-up", $"{options.Nodes.Count} node processes Up in {upSeconds:0.0} s wall");
        run.Check("every node is an Up member of the cluster", coordinator.UpNodes.Count == options.Nodes.Count,
            $"{coordinator.UpNodes.Count} of {options.Nodes.Count} Up after {upSeconds:0.0} s wall");

        var topology = options.Topology;
        var imp = topology.ImpClusters;
        var skewed = imp.Length > 0 ? imp[0].Subscribers.FirstOrDefault()?.Name ?? imp[0].Publisher.Name : options.Nodes[0].Name;
        var victim = imp.Length > 0 ? imp[^1].Publisher.Name : options.Nodes[^1].Name;

        await run.Until(SkewAt);
        await coordinator.AskAsync<ControlAck>(skewed, new SetSkew(Skew.Ticks));
        run.Event("coordinator", "clock-skew", $"node={skewed}, skew=+{Skew.TotalMinutes:0}m");

        if (imp.Length >= 2)
        {
            var a = imp[0].Nodes.Select(n => n.Name).ToArray();
            var b = imp[1].Nodes.Select(n => n.Name).ToArray();
            var cut = new LinkCut($"{imp[0].Name}|{imp[1].Name}", a, b, BothWays: true);
            await run.Until(PartitionStart);
            await coordinator.SetLinkRulesAsync(new LinkRules([cut], 0, 0));
            run.Event("network", "partition-started", $"id={cut.Id}, direction=both-ways");
            await run.Until(PartitionEnd);
            await coordinator.SetLinkRulesAsync(LinkRules.Open);
            run.Event("network", "partition-healed", $"id={cut.Id}");
            await run.Until(PartitionEnd + HealSeenWithin);
            await run.PullAsync(coordinator, [imp[0].Publisher.Name]);
            var (pubA, pubB) = (imp[0].Publisher.Name, imp[1].Publisher.Name);
            var lost = run.PeerStatus(pubA, pubB, "Not reachable", PartitionStart, PartitionEnd + InterclusterSyncSkeleton.AnswerTimeout);
            run.Check($"{pubA} shows {pubB} Not reachable during the cut", lost is not null,
                lost is { } l ? $"at +{Format(l)}" : "no 'Not reachable' between the cut and its heal");
            var back = run.PeerStatus(pubA, pubB, "Connected", PartitionEnd, PartitionEnd + HealSeenWithin);
            run.Check($"{pubA} shows {pubB} Connected within {HealSeenWithin.TotalMinutes:0}m of the heal", back is not null,
                back is { } c ? $"at +{Format(c)}" : "not Connected again by the deadline");
        }

        await run.Until(CrashAt);
        var before = await coordinator.AskAsync<NodeStatusReport>(victim, new GetNodeStatus());
        var ledgerBefore = await Ledger(coordinator, victim);
        await run.PullAsync(coordinator, [victim]);
        coordinator.Kill(victim);
        run.Event("coordinator", "node-killed", $"node={victim}, signal=SIGKILL, incarnation={before.Incarnation}, successful-syncs={ledgerBefore}");

        await run.Until(RestartAt);
        var after = await coordinator.RestartAsync(victim, before.Incarnation, TimeSpan.FromSeconds(60));
        run.ForgetTraceOf(victim);
        var ledgerAfter = await Ledger(coordinator, victim);
        run.Event("coordinator", "node-restarted", $"node={victim}, incarnation={after.Incarnation}, successful-syncs={ledgerAfter}");
        run.Check($"{victim} comes back after kill -9 with its SQLite state", after.Incarnation == before.Incarnation + 1 && ledgerAfter >= ledgerBefore,
            $"incarnation {before.Incarnation} -> {after.Incarnation}; successful syncs on disk {ledgerBefore} before the kill, {ledgerAfter} after the restart");

        await run.Until(Until);
        var status = await coordinator.AskAsync<NodeStatusReport>(skewed, new GetNodeStatus());
        var ahead = TimeSpan.FromTicks(status.ClockTicks - time.Now.UtcTicks);
        // The answer takes a few wall milliseconds, which the speed multiplies: allow two wall seconds of it.
        var slack = time.Virtual(TimeSpan.FromSeconds(2));
        run.Check($"{skewed}'s clock runs {Skew.TotalMinutes:0}m ahead", (ahead - Skew).Duration() <= slack,
            $"ahead by {ahead.TotalMinutes:0.0}m (slack {slack.TotalMinutes:0.0}m)");
        await run.PullAsync(coordinator, options.Nodes.Select(n => n.Name).Where(n => coordinator.UpNodes.Contains(n)).ToArray());
        wall.Stop();

        var topologyName = options.TopologyArgument;
        return new LiveOutcome(topologyName, options.Speed, options.Seed, options.Nodes.Count, upSeconds, Until, wall.Elapsed.TotalSeconds,
            run.Checks, run.Timeline, run.Trace);
    }

    private static async Task<long> Ledger(LiveCoordinator coordinator, string node)
    {
        var value = await coordinator.AskAsync<DurableValue>(node, new ReadDurable(InterclusterSyncSkeleton.LedgerKey));
        return value.Value is PeerSyncLedger ledger ? ledger.SuccessfulSyncs.Values.Sum() : 0;
    }

    /// <summary>A virtual duration as 1h2m3s or 2m3s.</summary>
    public static string Format(TimeSpan t) => t.TotalHours >= 1 ? $"{(int)t.TotalHours}h{t.Minutes}m{t.Seconds}s" : $"{t.Minutes}m{t.Seconds}s";
}
