using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ImpClusterSim.Cli.Common;
using ImpClusterSim.Cli.Distributed;
using ImpClusterSim.Cli.Run;
using ImpClusterSim.Scenarios.Studies;

namespace ImpClusterSim.Cli.Studies;

/// <summary>
/// `impsim sweep [SCENARIO] --set KEY=V1,V2,... [--set ...] --seeds N`: plays the scenario at every point of the grid
/// of values × seeds and prints, per check and value, P(held) with its 95 % Wilson interval and the distribution of
/// time-to-condition (docs/timing-studies.md). Exit 0 once measured (a sweep measures; it does not judge), 2 on bad input.
/// </summary>
public static class SweepCommand
{
    private static readonly Argument<FileInfo?> ScenarioFile = new("SCENARIO")
    {
        Description = "A scenario YAML file (default: the embedded CA-signed Tomcat rollout)",
        Arity = ArgumentArity.ZeroOrOne,
    };

    private static readonly Option<string[]> Set = new("--set")
    {
        Description = "A setting and its values, KEY=V1,V2,... (repeatable; the grid is every combination; one value: fixed for every point)",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private static readonly Option<int> Seeds = StudyArguments.SeedsOption("How many seeds to play at every grid point");
    private static readonly Option<ulong> FirstSeed = SeedOptions.First();
    private static readonly Option<int> Jobs = JobsOption.Create();
    private static readonly Option<bool> Json = new("--json") { Description = "Print the summary as JSON instead of the table" };
    private static readonly Option<bool> Csv = new("--csv") { Description = "Print the summary as CSV (one row per value and check) instead of the table" };
    private static readonly Option<DirectoryInfo?> Report = new("--report") { Description = "Write summary.json, summary.csv and report.html (with plots) into this folder" };
    private static readonly ClusterOptions Cluster = new();

    public static Command Create()
    {
        var command = new Command("sweep", "Play a scenario over a grid of setting values × seeds: P(held) and the time-to-condition distribution per value")
        {
            ScenarioFile, Set, Seeds, FirstSeed, Jobs, Json, Csv, Report,
        };
        foreach (var o in Cluster.All) command.Options.Add(o);
        command.SetAction(parse => Execute(parse, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    private static int Execute(ParseResult parse, TextWriter output, TextWriter error)
    {
        var file = parse.GetValue(ScenarioFile);
        var seeds = parse.GetValue(Seeds);
        var first = parse.GetValue(FirstSeed);
        var jobs = JobsOption.Check(parse.GetValue(Jobs));
        var json = parse.GetValue(Json);
        var csv = parse.GetValue(Csv);
        if (json && csv) throw new UsageException("--json and --csv go one at a time");
        var axes = StudyArguments.Axes(parse.GetValue(Set));
        SeedOptions.CheckRange(seeds, first);
        var cluster = Cluster.Read(parse, jobs);
        if (parse.GetValue(Report) is { } reportDir) PathChecks.WritableDirectory(reportDir, "--report");

        var scenario = RunCommand.LoadScenarioFile(file, error);
        if (scenario is null) return ExitCodes.BadInput;
        var (points, errors) = SweepRunner.Prepare(scenario, axes);
        if (!errors.IsEmpty) throw new UsageException(string.Join(Environment.NewLine + "impsim: ", errors));
        if ((long)points.Length * seeds > SweepRunner.MaxRuns)
            throw new UsageException($"{points.Length} grid points × {seeds} seeds is more than {SweepRunner.MaxRuns} runs");

        var total = points.Length * seeds;
        var wall = Stopwatch.StartNew();
        var (sweep, stopped) = ClusterPlay.Sweep(cluster, error, file, scenario, axes, points, first, seeds, jobs, $"{scenario.Name}: {points.Length} × {seeds} runs");
        wall.Stop();
        if (stopped is not null) error.WriteLine("impsim: " + stopped);
        var how = cluster is null ? $"--jobs {jobs}" : ClusterPlay.Describe(cluster);

        var command = StudyArguments.Command("sweep", file, axes.Select(a => $"{a.Key}={string.Join(',', a.Values)}"), seeds, first);
        if (parse.GetValue(Report) is { } report) StudyArguments.WriteReport(report, sweep, command);
        var figures = string.Create(CultureInfo.InvariantCulture,
            $"{total} runs ({points.Length} grid point{(points.Length == 1 ? "" : "s")} × {seeds} seeds) in {wall.Elapsed.TotalSeconds:0.0} s wall with {how}: {total / wall.Elapsed.TotalMinutes:0} runs per minute");
        if (json) output.Write(SweepJson.Write(sweep));
        else if (csv) output.Write(SweepCsv.Write(sweep));
        else StudyTable.Render(output, sweep, $"Sweep: {sweep.Scenario}");
        (json || csv ? error : output).WriteLine(figures);
        return stopped is null ? ExitCodes.Success : ExitCodes.ExpectationFailed;
    }
}
