using System.Diagnostics;
using ImpClusterSim.Cli.Distributed;
using ImpClusterSim.Live.Coordinator;
using ImpClusterSim.Live.Distributed;
using ImpClusterSim.Scenarios.BuiltIn;
using ImpClusterSim.Scenarios.Distributed;
using ImpClusterSim.Scenarios.Outcome;
using ImpClusterSim.Scenarios.Studies;

namespace ImpClusterSim.Cli.Bench;

/// <summary>
/// <c>impsim bench --distributed</c> (docs/distributed.md, "Coordination overhead"): the default scenario over
/// <c>--seeds</c> seeds (default 1,000) played in this process with <c>--jobs 2</c>, then by two local worker processes
/// (<c>--local-workers 2</c>, one run at a time each) coordinated over Akka.Cluster on loopback, their start-up and
/// join included; the runs per second of each, their ratio (target ≥ 0.90, issue 16), and whether both gave the same
/// summary with the same trace hash per seed. Wall-clock figures; not part of the default <c>bench</c>.
/// </summary>
internal static class DistributedBenchmark
{
    public const int DefaultSeeds = 1000;

    /// <summary>The seeds each way (set by <c>bench --seeds</c>).</summary>
    public static int Seeds { get; set; } = DefaultSeeds;

    private static readonly FigureSpec Local = new("distributed-local-rate", "runs of the default scenario in one process with --jobs 2", "runs/s",
        BenchTarget.AtLeast(0, "reference for the ratio"));

    private static readonly FigureSpec Cluster = new("distributed-cluster-rate", "the same seeds on --local-workers 2 (worker start-up and join included)", "runs/s",
        BenchTarget.AtLeast(0, "reference for the ratio"));

    private static readonly FigureSpec Ratio = new("distributed-ratio", "coordination overhead: cluster rate / local rate", "ratio",
        BenchTarget.AtLeast(0.9, "issue 16: --local-workers 2 gives at least 90 % of --jobs 2's throughput"));

    private static readonly FigureSpec Same = new("distributed-same-summary", "the same summary and trace hash per seed both ways (1 yes, 0 no)", "yes",
        BenchTarget.AtLeast(1, "docs/distributed.md: a distributed run gives the local run's answer"));

    public static IReadOnlyList<BenchMeasurement> Measurements() =>
        [new("distributed", "distributed", "campaign throughput: --jobs 2 in one process vs --local-workers 2", Measure)];

    private static IReadOnlyList<BenchSample> Measure()
    {
        var seeds = Seeds;
        var source = ScenarioSource.Default();
        var scenario = source.Parse().Scenario!;
        var (points, _) = SweepRunner.Prepare(scenario, []);

        var wall = Stopwatch.StartNew();
        var local = SweepRunner.Run(scenario, [], points, 1, seeds, 2);
        var localRate = seeds / wall.Elapsed.TotalSeconds;

        var job = WorkPlans.Sweep(source, [], 1, seeds, 1);
        var hash = WorkPlans.Load(job).ScenarioHash;
        wall.Restart();
        WorkOutcome outcome;
        var session = WorkSession.Start(new SessionSettings(ClusterPlay.Build, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(120), _ => { }),
            new HostPort("127.0.0.1", 0), ResultCodecs.All, new LocalWorkerOptions(NodeLaunch.For(typeof(DistributedBenchmark).Assembly.Location), 2, 1));
        try
        {
            outcome = session.Play(new JobSettings(job, hash, null, WorkPlans.IsFailure, _ => { }));
        }
        finally
        {
            wall.Stop();
            session.Dispose();
        }

        var clusterRate = seeds / wall.Elapsed.TotalSeconds;
        var distributed = SweepRunner.Summarise(scenario, [], points, 1, seeds, [.. outcome.Results.Cast<ScenarioOutcome?>()]);
        var same = outcome.End == WorkEnd.Complete && SweepJson.Write(local) == SweepJson.Write(distributed);
        return [new(Local, localRate), new(Cluster, clusterRate), new(Ratio, clusterRate / localRate), new(Same, same ? 1 : 0)];
    }
}
