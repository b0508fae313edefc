using System.CommandLine;
using System.Globalization;
using ImpClusterSim.Cli.Common;
using ImpClusterSim.Cli.Live;
using ImpClusterSim.Cli.Pki;
using ImpClusterSim.Domain.Text;

namespace ImpClusterSim.Cli.Bench;

/// <summary>
/// <c>impsim bench</c>: measures the kernel's, the PKI's and chaos's figures (all unless suites are named, or the
/// measurements named by <c>--only</c>) several times, then prints each figure's median and spread with its target
/// and a pass/short verdict (a table, or <c>--json</c>). Progress goes to standard error while it measures. Exit 0
/// whatever the verdicts (figures of a loaded machine are not failures), 2 on bad options. See docs/bench.md.
/// <c>--live</c> measures live mode instead, alone: node processes Up and their memory (<see cref="LiveBenchmark"/>,
/// docs/live.md); exit 1 if the deployment could not start.
/// </summary>
public static class BenchCommand
{
    /// <summary>The largest <c>--repetitions</c>.</summary>
    public const int MaxRepetitions = 100;

    private static readonly Option<bool> Kernel = new("--kernel") { Description = "The kernel figures: time compression, throughput against a stock ActorSystem, start-up and memory per node" };
    private static readonly Option<bool> Pki = new("--pki") { Description = "The PKI figures: the key pool, key generation, validations per second" };
    private static readonly Option<bool> Chaos = new("--chaos") { Description = "Seeded chaos runs per second of the 20-node deployment over 24 virtual hours (built-in workload), one job and every core" };
    private static readonly Option<string[]> Only = new("--only")
    {
        Description = "Only these measurements (comma-separated or repeated): day, platform-day, throughput, startup, crypto-share, pki-deployment, keygen, validation, chaos",
        AllowMultipleArgumentsPerToken = false,
        Arity = ArgumentArity.ZeroOrMore,
    };
    private static readonly Option<int> Repetitions = new("--repetitions", "-n") { Description = "How many times each measurement runs (1 to 100): the median and spread are over these", DefaultValueFactory = _ => 3 };
    private static readonly Option<bool> Json = new("--json") { Description = "Print the figures as JSON (progress stays on standard error)" };
    private static readonly Option<bool> Distributed = new("--distributed") { Description = "Coordination overhead: the default scenario over --seeds seeds with --jobs 2 in one process, then on --local-workers 2 (not part of the default bench)" };
    private static readonly Option<int> Seeds = new("--seeds") { Description = "With --distributed: the seeds played each way (10 to 100000)", DefaultValueFactory = _ => DistributedBenchmark.DefaultSeeds };
    private static readonly Option<bool> Live = new("--live") { Description = "Live mode alone: node processes Up on loopback (wall seconds) and resident memory per process" };
    private static readonly Option<int> Nodes = new("--nodes") { Description = "With --live: how many node processes", DefaultValueFactory = _ => 20 };
    private static readonly Option<int> BasePort = new("--base-port") { Description = "With --live: the coordinator's port; node i listens on base + 1 + i", DefaultValueFactory = _ => 26520 };
    private static readonly Option<int> RunFor = new("--run-for") { Description = "With --live: wall seconds the services run before memory is measured again", DefaultValueFactory = _ => 10 };

    public static Command Create()
    {
        var command = new Command("bench", "Measure the simulator's speed and memory: median and spread of several repetitions, each figure against its target")
        {
            Kernel, Pki, Chaos, Distributed, Seeds, Only, Repetitions, Json, Live, Nodes, BasePort, RunFor,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            if (parse.GetValue(Live)) return RunLive(parse, output);
            var repetitions = parse.GetValue(Repetitions);
            if (repetitions is < 1 or > MaxRepetitions)
                throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--repetitions {repetitions} is out of range (1 to {MaxRepetitions})"));
            var seeds = parse.GetValue(Seeds);
            if (seeds is < 10 or > 100_000) throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--seeds {seeds} is out of range (10 to 100000)"));
            DistributedBenchmark.Seeds = seeds;
            var suites = new[] { ("kernel", parse.GetValue(Kernel)), ("pki", parse.GetValue(Pki)), ("chaos", parse.GetValue(Chaos)), ("distributed", parse.GetValue(Distributed)) }
                .Where(s => s.Item2).Select(s => s.Item1).ToList();
            var measurements = Select(suites, parse.GetValue(Only) ?? []);
            var figures = BenchRunner.Run(measurements, repetitions, line => error.WriteLine("bench: " + line));
            if (parse.GetValue(Json)) output.Write(BenchReport.ToJson(figures, repetitions));
            else BenchReport.Render(output, figures, repetitions);
            return ExitCodes.Success;
        });
        return command;
    }

    private static int RunLive(ParseResult parse, TextWriter output)
    {
        if (parse.GetValue(Kernel) || parse.GetValue(Pki) || parse.GetValue(Chaos) || parse.GetValue(Distributed) || (parse.GetValue(Only) ?? []).Length > 0 || parse.GetValue(Json))
            throw new UsageException("--live runs alone: give it without --kernel, --pki, --chaos, --only or --json");
        var nodes = parse.GetValue(Nodes);
        if (nodes is < 2 or > 100) throw new UsageException($"--nodes {nodes.ToString(CultureInfo.InvariantCulture)} is out of range (2 to 100)");
        var basePort = parse.GetValue(BasePort);
        LiveArguments.Port("--base-port", basePort, nodes);
        var runFor = parse.GetValue(RunFor);
        if (runFor is < 0 or > 600) throw new UsageException($"--run-for {runFor.ToString(CultureInfo.InvariantCulture)} is out of range (0 to 600 s)");
        return LiveBenchmark.Run(output, nodes, basePort, TimeSpan.FromSeconds(runFor)) ? ExitCodes.Success : ExitCodes.ExpectationFailed;
    }

    /// <summary>Every measurement: the kernel's, the PKI's, chaos's, then the distributed one (run only when asked for).</summary>
    public static IReadOnlyList<BenchMeasurement> All() =>
        [.. KernelBenchmark.Measurements(), .. PkiBenchmark.Measurements(), .. ChaosBenchmark.Measurements(), .. DistributedBenchmark.Measurements()];

    private static IReadOnlyList<BenchMeasurement> Select(List<string> suites, string[] only)
    {
        var all = All();
        var names = only.SelectMany(o => o.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList();
        if (names.Count > 0)
        {
            if (suites.Count > 0) throw new UsageException("--only names the measurements itself: give it without --kernel, --pki or --chaos");
            foreach (var name in names.Where(n => all.All(m => m.Id != n)))
                throw new UsageException($"--only: no measurement '{name}'{Spelling.DidYouMean(name, all.Select(m => m.Id))} (measurements: {string.Join(", ", all.Select(m => m.Id))})");
            return [.. all.Where(m => names.Contains(m.Id))];
        }
        // The distributed measurement starts processes and plays a thousand seeds twice: only when asked for.
        return [.. all.Where(m => suites.Count == 0 ? m.Suite != "distributed" : suites.Contains(m.Suite))];
    }
}
