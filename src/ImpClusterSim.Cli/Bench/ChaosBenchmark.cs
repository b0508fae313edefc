using System.Diagnostics;
using System.Globalization;
using ImpClusterSim.Domain.Topology;
using ImpClusterSim.Scenarios.Chaos;
using ImpClusterSim.Scenarios.Language;

namespace ImpClusterSim.Cli.Bench;

/// <summary>
/// `impsim bench --chaos`: seeded chaos runs per second of the 20-node default deployment over 24 virtual hours with the
/// built-in workload (start-up and certificate installation included), one run at a time and on every core, after one
/// warm-up run; and whether the same seed gives the same schedule, trace hash and verdict on one thread and on several.
/// Wall-clock figures, printed, not asserted.
/// </summary>
internal static class ChaosBenchmark
{
    private const int Runs = 10;

    public static void Run(TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        var topology = TopologyLoader.LoadDefault();
        var horizon = TimeSpan.FromHours(24);
        var probe = ScenarioLoader.Parse(ChaosWorkload.Yaml("default", topology, horizon, TimeSpan.Zero), "bench").Scenario!;
        var quiet = new ChaosBase("", "", null, probe).Quiet;
        var yaml = ChaosWorkload.Yaml("default", topology, horizon, horizon - quiet);
        var basis = new ChaosBase(yaml, "(built-in) chaos-workload.yaml", null, ScenarioLoader.Parse(yaml, "(built-in) chaos-workload.yaml").Scenario!);

        output.WriteLine($"chaos: the built-in workload on the default deployment (20 nodes), {basis.Scenario.Steps.Length} steps, horizon 24h, faults until +{Domain.Time.DurationText.Format(basis.FaultsEnd)}");
        var warm = Stopwatch.StartNew();
        ChaosExperiment.Run(basis, new ChaosOptions { FirstSeed = 1000, Seeds = 1, ShrinkBudget = 0 });
        output.WriteLine(string.Create(c, $"  warm-up run (first in the process): {warm.Elapsed.TotalSeconds:0.00} s"));

        var jobs = Math.Max(1, Environment.ProcessorCount);
        var results = new List<ChaosResult>();
        foreach (var j in new[] { 1, jobs }.Distinct())
        {
            var wall = Stopwatch.StartNew();
            var result = ChaosExperiment.Run(basis, new ChaosOptions { FirstSeed = 1, Seeds = Runs, Jobs = j, ShrinkBudget = 0 });
            wall.Stop();
            results.Add(result);
            var faults = result.Verdicts.Sum(v => v.Faults.Length);
            output.WriteLine(string.Create(c,
                $"  --jobs {j}: {Runs} runs in {wall.Elapsed.TotalSeconds:0.00} s wall = {Runs / wall.Elapsed.TotalSeconds:0.00} runs/s " +
                $"({faults} faults, {result.Failures.Count()} failed; target >= 10 runs/s)"));
        }

        if (results.Count > 1)
        {
            var same = results[0].Verdicts.Zip(results[1].Verdicts).All(p => p.First.TraceHash == p.Second.TraceHash
                && p.First.Signature == p.Second.Signature && p.First.Faults.SequenceEqual(p.Second.Faults));
            output.WriteLine($"  same schedules, trace hashes and verdicts at --jobs 1 and --jobs {jobs}: {(same ? "yes" : "NO")}");
        }
    }
}
