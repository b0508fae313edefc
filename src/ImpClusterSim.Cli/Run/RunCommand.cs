using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ImpClusterSim.Cli.Common;
using ImpClusterSim.Domain.Time;
using ImpClusterSim.Domain.Topology;
using ImpClusterSim.Scenarios.BuiltIn;
using ImpClusterSim.Scenarios.Language;
using ImpClusterSim.Scenarios.Reports;
using ImpClusterSim.Scenarios.Runner;

namespace ImpClusterSim.Cli.Run;

/// <summary>
/// `impsim run [SCENARIO]`: plays a scenario (default: the embedded CA-signed Tomcat rollout with a partition) in
/// virtual time and says what happened, whether every expectation held, and the seed that replays it. With
/// <c>--topology</c> and no scenario it plays the kernel showcase (skeleton services) on that topology.
/// </summary>
public static class RunCommand
{
    private static readonly Argument<FileInfo?> ScenarioFile = new("SCENARIO")
    {
        Description = "A scenario YAML file (default: the embedded CA-signed Tomcat rollout, scenarios/ca-signed-tomcat.yaml)",
        Arity = ArgumentArity.ZeroOrOne,
    };

    private static readonly Option<ulong?> Seed = new("--seed") { Description = "Seed of the run (default: the scenario's, else 1): the same seed replays the run byte for byte" };
    private static readonly Option<string?> Until = new("--until") { Description = "Virtual duration to simulate, e.g. 90m, 24h, 2d (default: the scenario's horizon)" };
    private static readonly Option<FileInfo?> Trace = new("--trace") { Description = "Write the trace (one JSON object per line) to this file" };
    private static readonly Option<bool> Json = new("--json") { Description = "Print a JSON summary on stdout instead of the tables" };
    private static readonly Option<FileInfo?> Topology = new("--topology") { Description = "Without a scenario: play the kernel showcase (skeleton services) on this topology YAML file" };
    private static readonly Option<FileInfo?> Log = new("--log") { Description = "Write a Serilog CLEF (JSON) log of every event to this file" };
    private static readonly Option<DirectoryInfo?> ExportCerts = new("--export-certs") { Description = "At the end, write every node's own certificates and trust stores as PEM files into this folder (check them with openssl)" };
    private static readonly Option<bool> Verbose = new("--verbose") { Description = "Also print the stack trace of each actor failure (a run with one fails; its check line names node, actor, time and message)" };
    private static readonly Option<string[]> Set = SetOptions.Create();
    private static readonly Option<DirectoryInfo?> Report = new("--report") { Description = "Write summary.json, trace.jsonl, junit.xml and report.html (a timeline plot) into this folder" };

    public static Command Create()
    {
        var command = new Command("run", "Play a scenario (default: the embedded CA-signed Tomcat rollout) in virtual time and check its expectations")
        {
            ScenarioFile, Seed, Until, Trace, Json, Topology, Log, Report, ExportCerts, Verbose, Set,
        };
        command.SetAction(parse =>
        {
            var args = new RunArguments(
                parse.GetValue(ScenarioFile),
                parse.GetValue(Seed),
                parse.GetValue(Until),
                parse.GetValue(Trace),
                parse.GetValue(Json),
                parse.GetValue(Topology),
                parse.GetValue(Log),
                parse.GetValue(Report),
                parse.GetValue(ExportCerts),
                SetOptions.Parse(parse.GetValue(Set)),
                parse.GetValue(Verbose));
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            if (args.Topology is not null && args.Scenario is null)
            {
                if (!args.Overrides.IsEmpty) throw new UsageException("--set changes a scenario's settings: it goes with a scenario, not --topology");
                return ShowcaseRun.Execute(args, output, error);
            }

            return Execute(args, output, error);
        });
        return command;
    }

    private static int Execute(RunArguments args, TextWriter output, TextWriter error)
    {
        if (args.Topology is not null) throw new UsageException("--topology goes without a scenario: a scenario names its own deployment");
        CheckOutputs(args);
        var loaded = LoadScenario(args.Scenario, error);
        if (loaded is null) return ExitCodes.BadInput;
        var scenario = SetOptions.Apply(loaded, args.Overrides);
        var horizon = ParseUntil(args.Until) ?? scenario.Until;
        var seed = args.Seed ?? scenario.Seed ?? 1;

        using var traceFile = args.Trace is null ? null : OpenForWriting(args.Trace);
        // A report carries the trace: keep it in memory too (the file, if any, gets the same bytes).
        using var traceCopy = args.Report is null ? null : new MemoryStream();
        using var traceSink = traceCopy is null ? (Stream?)traceFile : new TeeStream(traceCopy, traceFile);
        using var logging = RunLogging.Create(seed, args.Log, verbose: false);
        var timeline = new Timeline(SimInstant.DefaultRunStart);
        var wall = Stopwatch.StartNew();
        IReadOnlyList<string> exported = [];
        var outcome = ScenarioRunner.Run(scenario, new ScenarioRunOptions
        {
            Seed = seed,
            Until = horizon,
            Trace = traceSink,
            Observers = [timeline.Observe, logging.Observe],
            Replay = ReplayCommand(args.Scenario, seed, horizon, args.Trace, null) + SetOptions.ReplayWords(args.Overrides),
            AtEnd = run =>
            {
                if (args.ExportCerts is not null) exported = ExportCertificates(run, args.ExportCerts);
                if (args.Verbose)
                    foreach (var f in run.ActorFailures) error.WriteLine($"actor failed on {f.Node} at {f.Time}, actor {f.ActorPath}:{Environment.NewLine}{f.Cause?.ToString() ?? f.Message}");
            },
            Progress = ProgressLine.ForTerminal(error),
        });
        ProgressLine.Clear(error);
        outcome = outcome with { WallSeconds = wall.Elapsed.TotalSeconds };

        var report = args.Report is null ? null : WriteReport(args.Report, outcome, traceCopy!.ToArray());

        var summary = RunSummary.Of(outcome);
        // One schema: --json prints exactly what --report writes as summary.json.
        if (args.Json) output.Write(System.Text.Encoding.UTF8.GetString(SummaryJson.Write(outcome)));
        else
        {
            timeline.Render(output);
            ChecksTable.Render(output, outcome);
            summary.Render(output);
        }

        // What was written, and where: on stdout with the tables, on stderr when stdout is JSON.
        var written = args.Json ? error : output;
        if (report is not null)
            written.WriteLine($"report: {Path.Combine(args.Report!.ToString(), ReportWriter.HtmlFile)} (and {ReportWriter.SummaryFile}, {ReportWriter.TraceFile}, {ReportWriter.JUnitFile} beside it)");
        if (args.ExportCerts is not null)
            written.WriteLine($"certificates: {exported.Count} PEM files under {args.ExportCerts}{Path.DirectorySeparatorChar} (<node>/own/<unit>.pem, <node>/trust/<store>/<name>.pem)");

        if (TraceWriteFailed(traceFile, error) | logging.CloseFailed(error)) return ExitCodes.BadInput;
        return outcome.Passed ? ExitCodes.Success : ExitCodes.ExpectationFailed;
    }

    /// <summary>True (with the message on standard error) when the trace file could not be written whole.</summary>
    internal static bool TraceWriteFailed(GuardedOutput? trace, TextWriter error)
    {
        if (trace is null) return false;
        trace.Flush();
        if (trace.Failure is null) return false;
        error.WriteLine($"impsim: --trace: {trace.Failure}; the run above is complete, its trace file is not");
        return true;
    }

    /// <summary>Every output path is checked before the run starts, so a wrong one costs nothing and writes nothing.</summary>
    internal static void CheckOutputs(RunArguments args)
    {
        if (args.Trace is not null) PathChecks.WritableFile(args.Trace, "--trace");
        if (args.Log is not null) PathChecks.WritableFile(args.Log, "--log");
        if (args.Report is not null) PathChecks.WritableDirectory(args.Report, "--report");
        if (args.ExportCerts is not null) PathChecks.WritableDirectory(args.ExportCerts, "--export-certs");
    }

    private static IReadOnlyList<string> ExportCertificates(Simulation.SimulationRun run, DirectoryInfo directory)
    {
        try
        {
            return Simulation.CertificateExport.Write(run, directory.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot export certificates into '{directory.FullName}': {e.Message}");
        }
    }

    private static ReportFiles WriteReport(DirectoryInfo directory, Scenarios.Outcome.ScenarioOutcome outcome, byte[] trace)
    {
        try
        {
            directory.Create();
            return ReportWriter.Write(outcome, directory.FullName, trace);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot write the report into '{directory.FullName}': {e.Message}");
        }
    }

    private static Scenario? LoadScenario(FileInfo? file, TextWriter error)
    {
        if (file is not null && file.Name.StartsWith('-')) throw new UsageException($"unknown option '{file}'");
        return LoadScenarioFile(file, error);
    }

    /// <summary>The scenario file (every validation error at file:line:column on standard error), or the embedded default.</summary>
    internal static Scenario? LoadScenarioFile(FileInfo? file, TextWriter error)
    {
        if (file is null) return DefaultScenario.Load();
        PathChecks.ExistingFile(file, "scenario file");
        var (scenario, errors) = ScenarioLoader.Load(file.ToString());
        foreach (var e in errors) error.WriteLine(e.ToString());
        return scenario;
    }

    internal static TimeSpan? ParseUntil(string? until)
    {
        if (until is null) return null;
        if (ValueText.TryDuration("--until", until, ValueRanges.Horizon, out var horizon, out var error)) return horizon;
        throw new UsageException(DurationText.IsWellFormed(until) ? error : $"--until '{until}' is not a duration; write it like 90m, 24h or 2d");
    }

    internal static Deployment LoadTopology(FileInfo path)
    {
        PathChecks.ExistingFile(path, "topology file");
        try
        {
            return TopologyLoader.LoadFile(path.FullName);
        }
        catch (TopologyException e)
        {
            throw new UsageException("invalid topology:" + Environment.NewLine + string.Join(Environment.NewLine, e.Errors.Select(x => "  " + x)));
        }
    }

    internal static GuardedOutput OpenForWriting(FileInfo path)
    {
        try
        {
            path.Directory?.Create();
            return new GuardedOutput(new FileStream(path.FullName, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16), path.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot write '{path.FullName}': {e.Message}");
        }
    }

    /// <summary>The command that replays a run, in the form the user started impsim (<see cref="Invocation"/>).</summary>
    internal static string ReplayCommand(FileInfo? scenario, ulong seed, TimeSpan until, FileInfo? trace, FileInfo? topology)
    {
        var parts = new List<string> { "run" };
        if (scenario is not null) parts.Add(scenario.ToString());
        parts.AddRange(["--seed", seed.ToString(CultureInfo.InvariantCulture), "--until", DurationText.Format(until)]);
        if (topology is not null) parts.AddRange(["--topology", topology.FullName]);
        if (trace is not null) parts.AddRange(["--trace", trace.FullName]);
        return Invocation.CommandLine(parts);
    }
}
