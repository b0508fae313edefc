using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ImpClusterSim.Cli.Common;
using ImpClusterSim.Cli.Distributed;
using ImpClusterSim.Cli.Run;
using ImpClusterSim.Cli.Studies;
using ImpClusterSim.Scenarios.Overrides;
using ImpClusterSim.Scenarios.Studies;

namespace ImpClusterSim.Cli.Campaign;

/// <summary>
/// `impsim campaign [SCENARIO] --seeds N`: plays a scenario over many seeds and says, per expectation and per named
/// timing assumption, in how many worlds it held (with a 95 % Wilson interval) and how long its condition took
/// (time-to-condition percentiles), with the replay command of failing seeds (all of them in --json).
/// Exit 0 when every expectation held in every seed, 1 otherwise, 2 on bad input.
/// </summary>
public static class CampaignCommand
{
    private const int ReplaysShown = 10;

    private static readonly Argument<FileInfo?> ScenarioFile = new("SCENARIO")
    {
        Description = "A scenario YAML file (default: the embedded CA-signed Tomcat rollout)",
        Arity = ArgumentArity.ZeroOrOne,
    };

    private static readonly Option<int> Seeds = StudyArguments.SeedsOption("How many seeds to play");
    private static readonly Option<ulong> FirstSeed = SeedOptions.First();
    private static readonly Option<int> Jobs = JobsOption.Create();
    private static readonly Option<string[]> Set = SetOptions.Create();
    private static readonly Option<bool> Json = new("--json") { Description = "Print the summary as JSON (every failing seed listed) instead of the table" };
    private static readonly Option<DirectoryInfo?> Report = new("--report") { Description = "Write summary.json, summary.csv and report.html (with plots) into this folder" };
    private static readonly ClusterOptions Cluster = new();

    public static Command Create()
    {
        var command = new Command("campaign", "Play a scenario over many seeds: how often each expectation and timing assumption holds, and how long it takes")
        {
            ScenarioFile, Seeds, FirstSeed, Jobs, Set, Json, Report,
        };
        foreach (var o in Cluster.All) command.Options.Add(o);
        command.SetAction(parse => Execute(parse, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    private static int Execute(ParseResult parse, TextWriter output, TextWriter error)
    {
        var file = parse.GetValue(ScenarioFile);
        var count = parse.GetValue(Seeds);
        var first = parse.GetValue(FirstSeed);
        var jobs = JobsOption.Check(parse.GetValue(Jobs));
        var overrides = SetOptions.Parse(parse.GetValue(Set));
        SeedOptions.CheckRange(count, first);
        var cluster = Cluster.Read(parse, jobs);
        if (parse.GetValue(Report) is { } reportDir) PathChecks.WritableDirectory(reportDir, "--report");
        var loaded = RunCommand.LoadScenarioFile(file, error);
        if (loaded is null) return ExitCodes.BadInput;
        // The overrides as axes of one value each: the campaign is the sweep of one grid point.
        var axes = overrides.Select(o => new SweepAxis(o.Key, [o.Value])).ToList();
        var (points, errors) = SweepRunner.Prepare(loaded, axes);
        if (!errors.IsEmpty) throw new UsageException(string.Join(Environment.NewLine + "impsim: ", errors));
        var scenario = points[0].Scenario;

        var wall = Stopwatch.StartNew();
        var (sweep, stopped) = ClusterPlay.Sweep(cluster, error, file, scenario, axes, points, first, count, jobs, $"{scenario.Name}: {count} seeds");
        wall.Stop();
        var summary = sweep.Points[0].Summary;
        var how = cluster is null ? $"--jobs {jobs}" : ClusterPlay.Describe(cluster);

        if (parse.GetValue(Report) is { } report)
            StudyArguments.WriteReport(report, sweep, StudyArguments.Command("campaign", file, overrides.Select(o => o.Text), count, first));
        var figures = string.Create(CultureInfo.InvariantCulture,
            $"{count} runs of {scenario.Name} (seeds {first}..{first + (ulong)count - 1}) in {wall.Elapsed.TotalSeconds:0.0} s wall with {how}: {summary.Seeds.Length / wall.Elapsed.TotalMinutes:0} runs per minute");
        if (stopped is not null) error.WriteLine("impsim: " + stopped);
        if (parse.GetValue(Json))
        {
            output.Write(SweepJson.Write(sweep));
            error.WriteLine(figures);
            return summary.Passed ? ExitCodes.Success : ExitCodes.ExpectationFailed;
        }

        StudyTable.Render(output, sweep, $"Campaign: {summary.Scenario} over {summary.Seeds.Length} seeds");
        output.WriteLine(figures);
        if (stopped is not null) output.WriteLine(stopped);
        if (summary.Passed) output.WriteLine("every expectation held in every seed");
        foreach (var seed in summary.FailedSeeds.Take(ReplaysShown))
            output.WriteLine($"FAILED seed {seed}: replay with {ReplayLine(file, seed, overrides)}");
        if (summary.FailedSeeds.Length > ReplaysShown)
            output.WriteLine($"... {summary.FailedSeeds.Length} failing seeds in all: --json lists every one");
        return summary.Passed ? ExitCodes.Success : ExitCodes.ExpectationFailed;
    }

    /// <summary>The <c>run</c> command that replays one seed, in the form the user started impsim (<see cref="Invocation"/>).</summary>
    private static string ReplayLine(FileInfo? file, ulong seed, IEnumerable<SettingOverride> overrides) =>
        Invocation.CommandLine(
            new[] { "run" }
                .Concat(file is null ? [] : [file.ToString()])
                .Concat(["--seed", seed.ToString(CultureInfo.InvariantCulture)])
                .Concat(overrides.SelectMany(o => new[] { "--set", o.Text })));
}
