using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Collections.Immutable;
using ImpClusterSim.Cli.Common;
using ImpClusterSim.Cli.Distributed;
using ImpClusterSim.Live.Distributed;
using ImpClusterSim.Scenarios.Distributed;
using ImpClusterSim.Cli.Progress;
using ImpClusterSim.Cli.Run;
using ImpClusterSim.Domain.Time;
using ImpClusterSim.Domain.Topology;
using ImpClusterSim.Scenarios.BuiltIn;
using ImpClusterSim.Scenarios.Chaos;
using ImpClusterSim.Scenarios.Language;
using ImpClusterSim.Scenarios.Runner;

namespace ImpClusterSim.Cli.Chaos;

/// <summary>
/// `impsim chaos [SCENARIO] --seeds N` (docs/chaos.md): per seed, a fault schedule generated from the seed's own stream,
/// played on the scenario (default: the embedded one; with <c>--topology</c>, the built-in workload of the guide's
/// procedures), checked by the safety invariants all the time and by liveness after the quiet period; the first failing
/// seed of each signature shrunk to a minimal schedule written as a scenario file that <c>impsim run</c> replays.
/// Exit 0 no failure, 1 a failure, 2 bad input.
/// </summary>
public static class ChaosCommand
{
    private static readonly Argument<FileInfo?> ScenarioFile = new("SCENARIO")
    {
        Description = "A scenario YAML file (default: the embedded CA-signed Tomcat rollout)",
        Arity = ArgumentArity.ZeroOrOne,
    };

    private static readonly Option<string?> Topology = new("--topology") { Description = "Without a scenario: play the built-in workload of the guide's procedures on this topology (a YAML file, or default, two-clusters, lab)" };
    private static readonly Option<string?> Until = new("--until") { Description = "With --topology: the run's horizon (default 24h)" };
    private const int MaxSeeds = 1_000_000;
    private const int MaxShrinkBudget = 100_000;

    private static readonly Option<int> Seeds = SeedOptions.Count("How many seeds to play", 100, MaxSeeds);
    private static readonly Option<ulong> FirstSeed = SeedOptions.First();
    private static readonly Option<string?> Faults = new("--faults") { Description = "Only these fault kinds, comma-separated: " + string.Join(", ", ChaosFaultKinds.All) };
    private static readonly Option<double> Intensity = NumberOptions.Decimal("--intensity", "Multiplier on every kind's number of faults (0.1 to 10)", 1, ChaosProfile.MinIntensity, ChaosProfile.MaxIntensity);
    private static readonly Option<int> Jobs = JobsOption.Create(1, "Seeds played at once, each on its own thread (the output does not depend on it)");
    private static readonly Option<int> ShrinkBudget = NumberOptions.Whole("--shrink-budget", "Runs the shrinker may make per failure (0: do not shrink)", 300, 0, MaxShrinkBudget);
    private static readonly Option<DirectoryInfo?> Out = new("--out") { Description = "Where the shrunk scenario files go (default: chaos-failures)" };
    private static readonly Option<bool> Json = new("--json") { Description = "Print the summary as JSON on stdout" };
    private static readonly Option<DirectoryInfo?> Report = new("--report") { Description = "Write report.html and junit.xml into this folder" };
    private static readonly Option<string[]> Set = SetOptions.Create();
    private static readonly ClusterOptions Cluster = new();

    public static Command Create()
    {
        var command = new Command("chaos", "Chaos experiments: fault schedules generated from seeds, invariants checked all the time, failures shrunk to a replayable scenario")
        {
            ScenarioFile, Topology, Until, Seeds, FirstSeed, Faults, Intensity, Jobs, ShrinkBudget, Out, Json, Report, Set,
        };
        foreach (var o in Cluster.All) command.Options.Add(o);
        command.SetAction(parse => Execute(parse, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    private static int Execute(ParseResult parse, TextWriter output, TextWriter error)
    {
        // Ranges of --seeds, --jobs, --shrink-budget and --intensity are checked while parsing (NumberOptions).
        var count = parse.GetValue(Seeds);
        var first = parse.GetValue(FirstSeed);
        SeedOptions.CheckRange(count, first);
        var jobs = JobsOption.Check(parse.GetValue(Jobs));
        var budget = parse.GetValue(ShrinkBudget);
        var profile = new ChaosProfile { Intensity = parse.GetValue(Intensity) };
        if (parse.GetValue(Faults) is { } faults)
        {
            var (kinds, problem) = ChaosFaultKinds.Parse(faults);
            if (problem is not null) throw new UsageException(problem);
            profile = profile with { Kinds = kinds };
        }

        var overrides = SetOptions.Parse(parse.GetValue(Set));
        var cluster = Cluster.Read(parse, jobs);
        // The output folders are checked before any seed runs (as `run --report` does): a wrong one costs nothing.
        var outDir = parse.GetValue(Out) ?? new DirectoryInfo("chaos-failures");
        PathChecks.WritableDirectory(outDir, "--out");
        if (parse.GetValue(Report) is { } reportDir) PathChecks.WritableDirectory(reportDir, "--report");
        var file = parse.GetValue(ScenarioFile);
        var basis = LoadBase(file, parse.GetValue(Topology), parse.GetValue(Until), overrides, error);
        if (basis is null) return ExitCodes.BadInput;
        if (basis.FaultsEnd <= FaultScheduleGenerator.FirstFault + TimeSpan.FromMinutes(1))
            throw new UsageException($"the horizon {DurationText.Format(basis.Horizon)} leaves no room for faults before the quiet period ({DurationText.Format(basis.Quiet)}); give a longer horizon");
        CheckPlacement(basis, profile, parse.GetValue(Faults) is not null, error);

        var options = new ChaosOptions { FirstSeed = first, Seeds = count, Profile = profile, Jobs = jobs, ShrinkBudget = budget };
        var wall = Stopwatch.StartNew();
        void Shrinking(string message)
        {
            if (!parse.GetValue(Json)) error.WriteLine(message);
        }

        string? stopped = null;
        ChaosResult result;
        var seedsJob = cluster is null ? null : ClusterPlay.Prepare(WorkPlans.Chaos(basis, options));
        using var session = cluster is null ? null : ClusterPlay.Open(cluster, error);
        if (session is null)
        {
            result = RunProgress.Run(error, $"chaos {basis.Scenario.Name}", count, progress => ChaosExperiment.Run(basis, options, progress, Shrinking));
        }
        else
        {
            // The seeds, then the shrinking of the first failure of each signature, both on the workers.
            var outcome = ClusterPlay.Play(session, seedsJob!, cluster!.MaxFailures, $"chaos {basis.Scenario.Name}", error);
            var verdicts = outcome.Results.OfType<ChaosVerdict>().ToImmutableArray();
            if (outcome.End == WorkEnd.StoppedAfterFailures) stopped = $"{outcome.Message}: {verdicts.Length} of {count} seeds played";
            var toShrink = ChaosExperiment.ToShrink(verdicts, options);
            foreach (var v in toShrink) Shrinking($"shrinking seed {v.Seed} ({v.Faults.Length} faults): {v.Signature}");
            var shrunk = toShrink.IsEmpty
                ? []
                : ClusterPlay.Play(session, ClusterPlay.Prepare(WorkPlans.Shrink(basis, options, toShrink)), null, $"shrinking {toShrink.Length} failure(s)", error)
                    .Results.OfType<ShrunkFailure>().ToImmutableArray();
            result = new ChaosResult(basis, options, verdicts, shrunk);
        }

        wall.Stop();
        if (stopped is not null) error.WriteLine("impsim: " + stopped);

        var files = WriteShrunk(result, outDir, basis);
        if (parse.GetValue(Report) is { } report)
        {
            try
            {
                ChaosReport.Write(result, report.FullName, files.ToDictionary(f => f.Key, f => RunReplay(f.Value, basis)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new UsageException($"cannot write the report into '{report.FullName}': {e.Message}");
            }
        }

        var replayBase = ReplayBase(parse, file);
        if (parse.GetValue(Json)) output.WriteLine(ToJson(result, files, wall.Elapsed.TotalSeconds, replayBase));
        else Render(result, files, wall.Elapsed.TotalSeconds, replayBase, output);
        return result.Failures.Any() ? ExitCodes.ExpectationFailed : ExitCodes.Success;
    }

    /// <summary>
    /// The scenario to play: the file, the embedded default, or the built-in workload on a topology, with the
    /// <c>--set</c> overrides applied (a bad value is exit 2; the quiet period follows the overridden timings).
    /// </summary>
    private static ChaosBase? LoadBase(FileInfo? file, string? topology, string? until, IReadOnlyList<Scenarios.Overrides.SettingOverride> overrides, TextWriter error)
    {
        if (file is not null && file.Name.StartsWith('-')) throw new UsageException($"unknown option '{file}'");
        if (file is not null && topology is not null) throw new UsageException("--topology goes without a scenario: a scenario names its own deployment");
        if (until is not null && topology is null) throw new UsageException("--until goes with --topology (a scenario has its own horizon)");
        string yaml, name;
        string? directory = null;
        if (topology is not null)
        {
            var (reference, deployment) = TopologyArgument.Resolve(topology);
            var horizon = RunCommand.ParseUntil(until) ?? TimeSpan.FromHours(24);
            var workloadScenario = ChaosWorkload.Yaml(reference, deployment, horizon, TimeSpan.Zero);
            // The fault phase ends a quiet period before the horizon: read the workload once to learn the timings.
            var (probe, _) = ScenarioLoader.Parse(workloadScenario, "(built-in) chaos-workload.yaml");
            var quiet = probe is null ? TimeSpan.FromHours(1) : new ChaosBase(workloadScenario, "", null, SetOptions.Apply(probe, overrides)).Quiet;
            yaml = ChaosWorkload.Yaml(reference, deployment, horizon, horizon - quiet);
            name = "(built-in) chaos-workload.yaml";
        }
        else if (file is null)
        {
            yaml = DefaultScenario.Yaml();
            name = "(embedded) " + DefaultScenario.FileName;
        }
        else
        {
            // Read as run, validate, campaign and sweep read a scenario: a regular file of at most 1 MiB.
            PathChecks.ExistingFile(file, "scenario file");
            var (text, readErrors) = ScenarioLoader.ReadFile(file.ToString());
            foreach (var e in readErrors) error.WriteLine(e.ToString());
            if (text is null) return null;
            yaml = text;
            name = file.ToString();
            directory = file.DirectoryName;
        }

        var (scenario, errors) = ScenarioLoader.Parse(yaml, name, directory);
        foreach (var e in errors) error.WriteLine(e.ToString());
        return scenario is null ? null : new ChaosBase(yaml, name, directory, SetOptions.Apply(scenario, overrides)) { Overrides = [.. overrides] };
    }

    /// <summary>
    /// The fault kinds asked for that the generator cannot place in the deployment (name-resolution needs two IM&amp;P
    /// clusters, partition and link two nodes, every kind a node) are known before any seed runs: when none of them can
    /// be placed the experiment would play no fault at all, which is bad input (exit 2); when some cannot, a warning on
    /// standard error names them and why (the others are played).
    /// </summary>
    private static void CheckPlacement(ChaosBase basis, ChaosProfile profile, bool kindsGiven, TextWriter error)
    {
        var topology = basis.Scenario.Deployment.Topology;
        var unplaceable = profile.Kinds.Select(k => (Kind: k, Why: FaultScheduleGenerator.CannotPlace(topology, k))).Where(k => k.Why is not null).ToList();
        if (unplaceable.Count == 0) return;
        var why = string.Join("; ", unplaceable.GroupBy(k => k.Why).Select(g => $"{string.Join(" and ", g.Select(k => k.Kind))} need{(g.Count() == 1 ? "s" : "")} {g.Key}"));
        var deployment = $"the deployment of {basis.Scenario.Name}";
        if (!topology.Nodes.Any())
            throw new UsageException($"{deployment} has no nodes: chaos needs at least one node to fault");
        if (unplaceable.Count == profile.Kinds.Length)
            throw new UsageException($"{(kindsGiven ? "--faults " + string.Join(",", profile.Kinds) : "chaos")}: no fault can be placed in {deployment}: {why}; nothing would be tested");
        error.WriteLine($"impsim: warning: no {string.Join(" or ", unplaceable.Select(k => k.Kind))} fault can be placed in {deployment}: {why}; only the other kinds are generated");
    }

    /// <summary>Writes each shrunk scenario into <paramref name="outDir"/>, its header naming the command that replays it.</summary>
    private static Dictionary<ulong, string> WriteShrunk(ChaosResult result, DirectoryInfo outDir, ChaosBase basis)
    {
        var files = new Dictionary<ulong, string>();
        if (result.Shrunk.IsEmpty) return files;
        try
        {
            outDir.Create();
            foreach (var s in result.Shrunk)
            {
                var path = Path.Combine(outDir.ToString(), $"chaos-seed-{s.Seed.ToString(CultureInfo.InvariantCulture)}.yaml");
                var yaml = ChaosScenarioText.Relocate(s.Yaml, basis.BaseDirectory, Path.GetFullPath(outDir.ToString()));
                File.WriteAllText(path, yaml.Replace(
                    ChaosExperiment.ReplayPlaceholder + Scenarios.Overrides.SettingOverride.ReplayWords(basis.Overrides), ChaosScenarioText.CommentText(RunReplay(path, basis)), StringComparison.Ordinal));
                files[s.Seed] = path;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot write the shrunk scenarios into '{outDir}': {e.Message}");
        }

        return files;
    }

    /// <summary>The command that replays one seed of this experiment (the same base, kinds and intensity).</summary>
    private static string ReplayBase(ParseResult parse, FileInfo? file)
    {
        var parts = new List<string> { "chaos" };
        if (file is not null) parts.Add(file.ToString());
        if (parse.GetValue(Topology) is { } t) parts.AddRange(["--topology", t]);
        if (parse.GetValue(Until) is { } u) parts.AddRange(["--until", u]);
        if (parse.GetValue(Faults) is { } f) parts.AddRange(["--faults", f]);
        var intensity = parse.GetValue(Intensity);
        if (intensity != 1) parts.AddRange(["--intensity", intensity.ToString(CultureInfo.InvariantCulture)]);
        foreach (var o in SetOptions.Parse(parse.GetValue(Set))) parts.AddRange(["--set", o.Text]);
        return Invocation.CommandLine(parts);
    }

    /// <summary>The command that replays a shrunk file: <c>impsim run FILE</c> with the experiment's <c>--set</c> overrides.</summary>
    private static string RunReplay(string path, ChaosBase basis) =>
        Invocation.CommandLine(new[] { "run", path }.Concat(basis.Overrides.SelectMany(o => new[] { "--set", o.Text })));

    private static string Replay(string replayBase, ulong seed) => $"{replayBase} --seeds 1 --first-seed {seed.ToString(CultureInfo.InvariantCulture)}";

    private static void Render(ChaosResult result, Dictionary<ulong, string> files, double wallSeconds, string replayBase, TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        foreach (var v in result.Failures)
            output.WriteLine($"FAILED seed {v.Seed}: {v.Signature} ({v.Faults.Length} faults): {v.Detail}\n  replay: {Replay(replayBase, v.Seed)}");
        foreach (var s in result.Shrunk)
        {
            output.WriteLine($"shrunk seed {s.Seed}: {s.Original.Length} -> {s.Minimal.Length} fault(s) in {s.Runs} runs{(s.BudgetExhausted ? " (budget exhausted)" : "")}, same signature: {s.Signature}");
            foreach (var f in s.Minimal) output.WriteLine("  - " + f.ToYaml());
            if (files.TryGetValue(s.Seed, out var path)) output.WriteLine($"  replay: {RunReplay(path, result.Base)}");
        }

        var last = result.Options.FirstSeed + (ulong)result.Verdicts.Length - 1;
        var b = result.Base;
        output.WriteLine(string.Create(c,
            $"chaos {b.Scenario.Name}: {result.Verdicts.Length} runs (seeds {result.Options.FirstSeed}..{last}), {result.Failures.Count()} failed; " +
            $"{wallSeconds:0.0} s wall, {result.Verdicts.Length / Math.Max(wallSeconds, 1e-9):0.00} runs/s"));
        output.WriteLine(string.Create(c,
            $"horizon {DurationText.Format(b.Horizon)}: faults until +{DurationText.Format(b.FaultsEnd)}, quiet period {DurationText.Format(b.Quiet)}; " +
            $"{result.Verdicts.Sum(v => v.Faults.Length)} faults generated ({string.Join(", ", result.Options.Profile.Kinds)}), intensity {result.Options.Profile.Intensity:0.##}"));
        if (!result.Failures.Any()) output.WriteLine("no failure: every invariant held and every run converged");
        foreach (var (signature, seeds) in result.BySignature)
            output.WriteLine($"  {seeds.Length,5}  {signature}  (seeds {string.Join(", ", seeds.Take(10))}{(seeds.Length > 10 ? ", ..." : "")})");
    }

    private static string ToJson(ChaosResult result, Dictionary<ulong, string> files, double wallSeconds, string replayBase)
    {
        var json = new
        {
            scenario = result.Base.Scenario.Name,
            firstSeed = result.Options.FirstSeed,
            runs = result.Verdicts.Length,
            failed = result.Failures.Count(),
            wallSeconds,
            runsPerSecond = result.Verdicts.Length / Math.Max(wallSeconds, 1e-9),
            horizon = DurationText.Format(result.Base.Horizon),
            quietPeriod = DurationText.Format(result.Base.Quiet),
            faultKinds = result.Options.Profile.Kinds,
            intensity = result.Options.Profile.Intensity,
            failures = result.Failures.Select(v => new
            {
                seed = v.Seed,
                signature = v.Signature!.ToString(),
                detail = v.Detail,
                faults = v.Faults.Length,
                traceHash = v.TraceHash,
                replay = Replay(replayBase, v.Seed),
            }),
            bySignature = result.BySignature.Select(s => new { signature = s.Signature.ToString(), seeds = s.Seeds }),
            shrunk = result.Shrunk.Select(s => new
            {
                seed = s.Seed,
                signature = s.Signature.ToString(),
                originalFaults = s.Original.Length,
                minimalFaults = s.Minimal.Length,
                runs = s.Runs,
                budgetExhausted = s.BudgetExhausted,
                faults = s.Minimal.Select(f => f.ToYaml()),
                file = files.GetValueOrDefault(s.Seed),
                replay = files.TryGetValue(s.Seed, out var p) ? RunReplay(p, result.Base) : null,
            }),
        };
        return JsonSerializer.Serialize(json, new JsonSerializerOptions { WriteIndented = true });
    }
}
