using System.Diagnostics;
using ImpClusterSim.Domain.Topology;
using ImpClusterSim.Scenarios.Chaos;
using ImpClusterSim.Scenarios.Language;

namespace ImpClusterSim.Cli.Bench;

/// <summary>
/// <c>impsim bench --chaos</c>: seeded chaos runs per second of the 20-node default deployment over 24 virtual hours with
/// the built-in workload (start-up and certificate installation included), one run at a time and on every core, after
/// a warm-up that lasts until the JIT has settled (<see cref="WarmUp"/>: tiered compilation moves the hot code to its
/// second tier over the first 50-70 runs of a process, and a campaign of thousands of seeds runs at the settled speed),
/// each figure on seeds the process has not played; and whether the same seed gives the same schedule, trace hash and
/// verdict on one thread and on several. Wall-clock figures; the target of 10 runs per second is issue 14's.
/// </summary>
internal static class ChaosBenchmark
{
    private const int Runs = 40;
    private const int WarmUpBatch = 6;
    private const int MaxWarmUpRuns = 120;
    private const int SettledCompilations = 50;
    private const int SameSeeds = 4;
    private static int? warmUpRuns;
    private static int repetitions;

    private static readonly FigureSpec OneJob = new("chaos-runs-1-job", $"chaos runs of the 20-node deployment over 24 virtual hours (built-in workload), {Runs} seeds one at a time", "runs/s",
        BenchTarget.AtLeast(5, "one core's share of issue 14's 10 runs per second on the 2-core machine"));

    private static readonly FigureSpec AllJobs = new("chaos-runs-all-cores", $"{Runs} other seeds with --jobs set to the number of processors", "runs/s",
        BenchTarget.AtLeast(10, "issue 14 (chaos): at least 10 runs per second on the 2-core machine"));

    private static readonly FigureSpec WarmUpFigure = new("chaos-warm-up-runs", $"runs played before the figures, in batches of {WarmUpBatch} on every core until a batch compiled fewer than {SettledCompilations} methods (at most {MaxWarmUpRuns})", "runs",
        BenchTarget.AtMost(MaxWarmUpRuns - 1, "docs/bench.md: the JIT settled before the warm-up's cap, so the figures are the steady state's"));

    private static readonly FigureSpec Same = new("chaos-same-across-jobs", $"the same schedules, trace hashes and verdicts for {SameSeeds} of those seeds played again at --jobs 1 (1 yes, 0 no)", "yes",
        BenchTarget.AtLeast(1, "docs/chaos.md: a seed replays the same whatever --jobs"));

    /// <summary>The chaos measurement.</summary>
    public static IReadOnlyList<BenchMeasurement> Measurements() =>
        [new("chaos", "chaos", "chaos runs per second, one job and every core", Measure)];

    private static IReadOnlyList<BenchSample> Measure()
    {
        var topology = TopologyLoader.LoadDefault();
        var horizon = TimeSpan.FromHours(24);
        var probe = ScenarioLoader.Parse(ChaosWorkload.Yaml("default", topology, horizon, TimeSpan.Zero), "bench").Scenario!;
        var quiet = new ChaosBase("", "", null, probe).Quiet;
        var yaml = ChaosWorkload.Yaml("default", topology, horizon, horizon - quiet);
        var basis = new ChaosBase(yaml, "(built-in) chaos-workload.yaml", null, ScenarioLoader.Parse(yaml, "(built-in) chaos-workload.yaml").Scenario!);
        if (warmUpRuns is null) warmUpRuns = WarmUp(basis);

        // New seeds for every figure of every repetition: a campaign plays seeds it has not played before, so what the
        // process reuses between runs (the installation and the node systems, docs/pki.md and docs/kernel.md) counts,
        // and what one seed made (its certificates' signatures) does not flatter the next figure.
        var firstSeed = 1 + (ulong)(repetitions++ * 2 * Runs);
        var jobs = Math.Max(1, Environment.ProcessorCount);
        var samples = new List<BenchSample>();
        var results = new List<ChaosResult>();
        foreach (var (j, figure, seed) in new[] { (1, OneJob, firstSeed), (jobs, AllJobs, firstSeed + Runs) })
        {
            var wall = Stopwatch.StartNew();
            results.Add(ChaosExperiment.Run(basis, new ChaosOptions { FirstSeed = seed, Seeds = Runs, Jobs = j, ShrinkBudget = 0 }));
            wall.Stop();
            samples.Add(new(figure, Runs / wall.Elapsed.TotalSeconds));
        }

        // The seeds played on every core, played again one at a time (not timed).
        var again = ChaosExperiment.Run(basis, new ChaosOptions { FirstSeed = firstSeed + Runs, Seeds = SameSeeds, Jobs = 1, ShrinkBudget = 0 });
        var same = again.Verdicts.Zip(results[1].Verdicts).All(p => p.First.TraceHash == p.Second.TraceHash
            && p.First.Signature == p.Second.Signature && p.First.Faults.SequenceEqual(p.Second.Faults));
        samples.Add(new(Same, same ? 1 : 0));
        samples.Add(new(WarmUpFigure, warmUpRuns.Value));
        return samples;
    }

    /// <summary>
    /// Plays batches of <see cref="WarmUpBatch"/> seeds on every core until a batch made the JIT compile fewer than
    /// <see cref="SettledCompilations"/> methods (tiered compilation has moved the hot code to its second tier: on this
    /// project's machine that took 54-72 runs, about 5 s of JIT time) or <see cref="MaxWarmUpRuns"/> were played;
    /// returns how many runs it played. Seeds from 1000 on, which no figure plays.
    /// </summary>
    private static int WarmUp(ChaosBase basis)
    {
        var played = 0;
        var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
        while (played < MaxWarmUpRuns)
        {
            ChaosExperiment.Run(basis, new ChaosOptions { FirstSeed = 1000 + (ulong)played, Seeds = WarmUpBatch, Jobs = Math.Max(1, Environment.ProcessorCount), ShrinkBudget = 0 });
            played += WarmUpBatch;
            var now = System.Runtime.JitInfo.GetCompiledMethodCount();
            var batch = now - compiled;
            compiled = now;
            if (batch < SettledCompilations) break;
        }
        return played;
    }
}
