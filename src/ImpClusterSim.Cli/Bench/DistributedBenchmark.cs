using System.Diagnostics;
using System.Globalization;
using ImpClusterSim.Live.Coordinator;

namespace ImpClusterSim.Cli.Bench;

/// <summary>
/// <c>impsim bench --distributed</c> (docs/distributed.md, "Coordination overhead"): the embedded default scenario over
/// <c>--seeds</c> seeds (default 1,000) as a user runs it, twice, each a fresh <c>impsim campaign</c> process of this
/// build: <c>--jobs 2</c> (one process, two runs at a time), then <c>--local-workers 2</c> (a coordinator and two
/// worker processes over Akka.Cluster on loopback, their start-up and join included). Figures: the runs per second
/// of each (seeds over the process's wall time, start to exit), their ratio (target ≥ 0.90, issue 16), and whether
/// both printed the same <c>--json</c> summary (the same trace hash per seed). Both sides start cold, so no side
/// inherits the other's warm caches or compiled code. Wall-clock figures; not part of the default <c>bench</c>.
/// </summary>
internal static class DistributedBenchmark
{
    public const int DefaultSeeds = 1000;

    /// <summary>The most one campaign process may take (wall time) before it is killed and the measurement fails.</summary>
    private static readonly TimeSpan ProcessLimit = TimeSpan.FromMinutes(20);

    /// <summary>The seeds each way (set by <c>bench --seeds</c>).</summary>
    public static int Seeds { get; set; } = DefaultSeeds;

    private static readonly FigureSpec Local = new("distributed-local-rate", "impsim campaign --jobs 2: runs per second of the process (start to exit)", "runs/s",
        BenchTarget.AtLeast(0, "reference for the ratio"));

    private static readonly FigureSpec Cluster = new("distributed-cluster-rate", "impsim campaign --local-workers 2: the same (worker start-up and join included)", "runs/s",
        BenchTarget.AtLeast(0, "reference for the ratio"));

    private static readonly FigureSpec Ratio = new("distributed-ratio", "coordination overhead: cluster rate / local rate", "ratio",
        BenchTarget.AtLeast(0.9, "issue 16: --local-workers 2 gives at least 90 % of --jobs 2's throughput"));

    private static readonly FigureSpec Same = new("distributed-same-summary", "both printed the same --json summary, trace hash per seed included (1 yes, 0 no)", "yes",
        BenchTarget.AtLeast(1, "docs/distributed.md: a distributed run gives the local run's answer"));

    public static IReadOnlyList<BenchMeasurement> Measurements() =>
        [new("distributed", "distributed", "campaign throughput: impsim campaign --jobs 2 vs --local-workers 2, each a fresh process", Measure)];

    private static IReadOnlyList<BenchSample> Measure()
    {
        var seeds = Seeds.ToString(CultureInfo.InvariantCulture);
        var (localSeconds, localJson) = Campaign(["campaign", "--seeds", seeds, "--jobs", "2", "--json"]);
        var (clusterSeconds, clusterJson) = Campaign(["campaign", "--seeds", seeds, "--local-workers", "2", "--json"]);
        var localRate = Seeds / localSeconds;
        var clusterRate = Seeds / clusterSeconds;
        var same = localJson == clusterJson;
        return [new(Local, localRate), new(Cluster, clusterRate), new(Ratio, clusterRate / localRate), new(Same, same ? 1 : 0)];
    }

    /// <summary>Runs this build's <c>impsim</c> with <paramref name="arguments"/>; its wall seconds and standard output. Throws if it fails.</summary>
    private static (double Seconds, string Output) Campaign(IReadOnlyList<string> arguments)
    {
        var launch = NodeLaunch.For(typeof(DistributedBenchmark).Assembly.Location);
        var info = new ProcessStartInfo(launch.FileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in launch.Prefix.Concat(arguments)) info.ArgumentList.Add(a);
        var wall = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException("impsim campaign did not start");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(ProcessLimit))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"impsim {string.Join(' ', arguments)} did not finish within {ProcessLimit.TotalMinutes:0} minutes");
        }
        wall.Stop();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"impsim {string.Join(' ', arguments)} exited with {process.ExitCode.ToString(CultureInfo.InvariantCulture)}: {error.Result.Trim()}");
        return (wall.Elapsed.TotalSeconds, output.Result);
    }
}
