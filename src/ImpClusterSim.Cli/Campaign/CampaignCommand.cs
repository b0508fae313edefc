using System.Collections.Immutable;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ImpClusterSim.Cli.Common;
using ImpClusterSim.Cli.Progress;
using ImpClusterSim.Cli.Run;
using ImpClusterSim.Domain.Time;
using ImpClusterSim.Scenarios.Campaigns;
using ImpClusterSim.Scenarios.Outcome;
using ImpClusterSim.Scenarios.Overrides;
using ImpClusterSim.Scenarios.Runner;
using Spectre.Console;

namespace ImpClusterSim.Cli.Campaign;

/// <summary>
/// `impsim campaign [SCENARIO] --seeds N`: plays a scenario over many seeds and says, per expectation and per named
/// timing assumption, in how many worlds it held and how long it took, with the replay command of every failing seed.
/// </summary>
public static class CampaignCommand
{
    private static readonly Argument<FileInfo?> ScenarioFile = new("SCENARIO")
    {
        Description = "A scenario YAML file (default: the embedded CA-signed Tomcat rollout)",
        Arity = ArgumentArity.ZeroOrOne,
    };

    private static readonly Option<int> Seeds = new("--seeds") { Description = "How many seeds to play", DefaultValueFactory = _ => 20 };
    private static readonly Option<ulong> FirstSeed = new("--first-seed") { Description = "The first seed (then +1 each run)", DefaultValueFactory = _ => 1 };
    private static readonly Option<int> Jobs = JobsOption.Create();
    private static readonly Option<string[]> Set = SetOptions.Create();

    public static Command Create()
    {
        var command = new Command("campaign", "Play a scenario over many seeds: how often each expectation and timing assumption holds, and how long it takes")
        {
            ScenarioFile, Seeds, FirstSeed, Jobs, Set,
        };
        command.SetAction(parse => Execute(parse.GetValue(ScenarioFile), parse.GetValue(Seeds), parse.GetValue(FirstSeed),
            JobsOption.Check(parse.GetValue(Jobs)), SetOptions.Parse(parse.GetValue(Set)),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    private static int Execute(FileInfo? file, int count, ulong first, int jobs, ImmutableArray<SettingOverride> overrides, TextWriter output, TextWriter error)
    {
        if (count is < 1 or > 100_000) throw new UsageException($"--seeds {count} is out of range (1 to 100000)");
        if (first > ulong.MaxValue - (ulong)(count - 1))
            throw new UsageException($"--first-seed {first} with --seeds {count} goes past the largest seed, {ulong.MaxValue}: the last seed would wrap to 0; use a --first-seed of at most {ulong.MaxValue - (ulong)(count - 1)}");
        var loaded = RunCommand.LoadScenarioFile(file, error);
        if (loaded is null) return ExitCodes.BadInput;
        var scenario = SetOptions.Apply(loaded, overrides);

        var wall = Stopwatch.StartNew();
        var seeds = Enumerable.Range(0, count).Select(i => first + (ulong)i).ToList();
        var outcomes = RunProgress.Run(error, $"{scenario.Name}: {count} seeds", count, done =>
            ParallelRuns.Play(seeds, jobs, seed => ScenarioRunner.Run(scenario, new ScenarioRunOptions { Seed = seed }), done));
        wall.Stop();

        var summary = CampaignSummary.Of(scenario.Name, outcomes);
        Render(summary, output);
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c,
            $"{count} runs of {scenario.Name} (seeds {first}..{first + (ulong)count - 1}) in {wall.Elapsed.TotalSeconds:0.0} s wall: {count / wall.Elapsed.TotalMinutes:0} runs per minute"));
        if (summary.Passed) output.WriteLine("every expectation held in every seed");
        foreach (var seed in summary.FailedSeeds.Take(10))
            output.WriteLine($"FAILED seed {seed}: replay with impsim run {(file is null ? "" : file + " ")}--seed {seed}{SetOptions.ReplayWords(overrides)}");
        return summary.Passed ? ExitCodes.Success : ExitCodes.ExpectationFailed;
    }

    private static void Render(CampaignSummary summary, TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        console.Profile.Width = 200;
        var table = new Table().Border(TableBorder.Simple).Title($"Campaign: {summary.Scenario} over {summary.Seeds.Length} seeds");
        table.AddColumn("check");
        table.AddColumn("kind");
        table.AddColumn("held");
        table.AddColumn("decided when held: earliest / median / latest");
        table.AddColumn("seeds where it did not hold");
        foreach (var s in summary.Checks)
        {
            var times = s.MedianHeld is null ? "" : $"+{Fmt(s.EarliestHeld)} / +{Fmt(s.MedianHeld)} / +{Fmt(s.LatestHeld)}";
            table.AddRow(
                Markup.Escape(s.Name),
                s.Kind == CheckKind.Expectation ? "expectation" : "assumption",
                Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{s.Held}/{s.Runs} ({s.HeldShare:P0})")),
                Markup.Escape(times),
                Markup.Escape(string.Join(", ", s.SeedsNotHeld.Take(12)) + (s.SeedsNotHeld.Length > 12 ? ", ..." : "")));
        }
        console.Write(table);
    }

    private static string Fmt(TimeSpan? t) => t is { } v ? DurationText.Format(v) : "";
}
