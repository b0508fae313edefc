using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ImpClusterSim.Cli.Common;
using ImpClusterSim.Live.Coordinator;
using ImpClusterSim.Scenarios.Live;

namespace ImpClusterSim.Cli.Live;

/// <summary>
/// `impsim live [SCENARIO] --speed N`: the coordinator of a live run (docs/live.md). Starts one `impsim node` process
/// per node on loopback (ports from --base-port), waits until every member is Up, plays the scenario (default: the
/// embedded one of `impsim run`) in scaled wall time with its checks evaluated by querying the nodes, prints the same
/// timeline, checks and summary as `run` marked "live", and stops every process it started (unless --keep). With
/// --topology and no scenario it plays the live showcase (skeleton services) instead.
/// </summary>
public static class LiveCommand
{
    internal static readonly Argument<FileInfo?> ScenarioFile = new("SCENARIO")
    {
        Description = "A scenario file (default: the embedded CA-signed Tomcat rollout of `impsim run`); see docs/live.md for what plays live",
        Arity = ArgumentArity.ZeroOrOne,
    };

    private static readonly Option<string?> Topology = new("--topology") { Description = "Without a scenario: play the live showcase (skeleton services) on this topology file or embedded name (default, two-clusters, lab)" };
    private static readonly Option<double> Speed = LiveArguments.SpeedOption("Virtual seconds per wall second (120: two virtual hours in one wall minute)", 120);
    private static readonly Option<int> BasePort = new("--base-port") { Description = "The coordinator's port; node i listens on base + 1 + i", DefaultValueFactory = _ => 25520 };
    private static readonly Option<ulong?> Seed = new("--seed") { Description = "Seed of the nodes' keys and random streams (default: the scenario's, else 1; a live run is not replayable)" };
    private static readonly Option<string?> Data = new("--data") { Description = "Directory of the nodes' SQLite files (default: a new temporary directory)" };
    private static readonly Option<bool> Keep = new("--keep") { Description = "Leave the node processes running at the end" };
    private static readonly Option<bool> Json = new("--json") { Description = "Print the summary as JSON" };
    private static readonly Option<bool> Tls = new("--tls") { Description = "Akka.Remote over mutual TLS with certificates from a new run CA (written under --data/tls)" };
    private static readonly Option<int> UpWithin = new("--up-within") { Description = "Seconds the members may take to come Up", DefaultValueFactory = _ => 90 };
    private static readonly Option<string?> Until = new("--until") { Description = "Virtual duration to play (default: the scenario's horizon)" };
    private static readonly Option<DirectoryInfo?> Report = new("--report") { Description = "Write summary.json, trace.jsonl, junit.xml and report.html into this folder" };

    public static Command Create()
    {
        var command = new Command("live", "Run a deployment as one OS process per node on Akka.Cluster over TCP, with SQLite state, and play faults in scaled wall time")
        {
            ScenarioFile, Topology, Speed, BasePort, Seed, Data, Keep, Json, Tls, UpWithin, Until, Report,
        };
        command.SetAction(parse => Execute(parse, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    private static int Execute(ParseResult parse, TextWriter output, TextWriter error)
    {
        var topologyOption = parse.GetValue(Topology);
        if (topologyOption is null || parse.GetValue(ScenarioFile) is not null)
        {
            if (topologyOption is not null) throw new UsageException("--topology goes without a scenario: a scenario names its own deployment");
            return LiveScenarioRun.Execute(new LiveScenarioArguments(parse.GetValue(ScenarioFile), parse.GetValue(Speed), parse.GetValue(BasePort),
                parse.GetValue(Seed), parse.GetValue(Data), parse.GetValue(Keep), parse.GetValue(Json), parse.GetValue(Tls), parse.GetValue(UpWithin),
                parse.GetValue(Until), parse.GetValue(Report)), output, error);
        }

        if (parse.GetValue(Until) is not null || parse.GetValue(Report) is not null)
            throw new UsageException("--until and --report go with a scenario; the live showcase (--topology) has a fixed plan");
        var topologyArgument = topologyOption;
        var topology = LiveArguments.Topology(topologyArgument);
        var nodes = topology.Nodes.Count();
        var basePort = parse.GetValue(BasePort);
        LiveArguments.Port("--base-port", basePort, nodes);
        var speed = parse.GetValue(Speed);
        var upWithin = parse.GetValue(UpWithin);
        if (upWithin is < 1 or > 600) throw new UsageException($"--up-within {upWithin} is out of range (1 to 600 s)");
        var data = parse.GetValue(Data) ?? Path.Combine(Path.GetTempPath(), "impsim-live-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        var topologyPath = File.Exists(topologyArgument) ? Path.GetFullPath(topologyArgument) : topologyArgument;
        var options = new LiveDeploymentOptions(topology, topologyPath, basePort, speed, parse.GetValue(Seed) ?? 1, Path.GetFullPath(data),
            NodeLaunch.For(typeof(LiveCommand).Assembly.Location))
        {
            UpWithin = TimeSpan.FromSeconds(upWithin),
        };
        if (parse.GetValue(Tls))
        {
            var tlsDir = Path.Combine(options.DataDirectory, "tls");
            ImpClusterSim.Live.LiveTls.Issue(tlsDir, ["coordinator", .. topology.Nodes.Select(n => n.Name)], DateTime.UtcNow);
            options = options with { TlsDirectory = tlsDir };
        }
        var json = parse.GetValue(Json);
        LiveOutcome outcome;
        try
        {
            outcome = LiveShowcase.PlayAsync(options, json ? null : output, parse.GetValue(Keep)).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is LiveStartException or LiveNodeUnreachableException or TimeoutException or Akka.Actor.AskTimeoutException)
        {
            // Every process started was stopped on the way out (LiveCoordinator.DisposeAsync).
            error.WriteLine($"impsim live: the live run stopped: {e.Message}");
            return ExitCodes.ExpectationFailed;
        }
        if (json) output.WriteLine(JsonSummary(outcome, data));
        else Print(outcome, data, parse.GetValue(Keep), basePort, output);
        return outcome.Passed ? ExitCodes.Success : ExitCodes.ExpectationFailed;
    }

    private static void Print(LiveOutcome o, string data, bool keep, int basePort, TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine();
        output.WriteLine("Timeline (live, virtual time since start)");
        foreach (var e in o.Timeline.OrderBy(e => e.At))
            output.WriteLine($"  +{LiveShowcase.Format(e.At),-10} {e.Node,-12} {e.Event,-22} {e.Details}");
        output.WriteLine();
        output.WriteLine("Checks (live)");
        foreach (var check in o.Checks)
            output.WriteLine($"  {(check.Passed ? "PASS" : "FAIL"),-5} {check.Name,-60} +{LiveShowcase.Format(check.At),-10} {check.Detail}");
        output.WriteLine();
        output.WriteLine($"live showcase on {o.Topology}: {(o.Passed ? "PASSED" : "FAILED")} ({o.Checks.Count(x => x.Passed)} of {o.Checks.Count} checks held)");
        output.WriteLine(string.Create(c, $"mode live | seed {o.Seed} (not replayable) | {o.Nodes} node processes Up in {o.UpWallSeconds:0.0} s | {o.Until.TotalSeconds:0} virtual s in {o.WallSeconds:0.0} wall s at speed {o.Speed}"));
        output.WriteLine($"SQLite files: {data}");
        if (keep) output.WriteLine(string.Create(c, $"node processes left running (--keep); their seed: akka.tcp://impsim@127.0.0.1:{basePort + 1}"));
    }

    private static string JsonSummary(LiveOutcome o, string data) => JsonSerializer.Serialize(new
    {
        mode = "live",
        replayable = false,
        scenario = "live-showcase",
        topology = o.Topology,
        seed = o.Seed,
        speed = o.Speed,
        nodes = o.Nodes,
        upWallSeconds = Math.Round(o.UpWallSeconds, 2),
        virtualSeconds = o.Until.TotalSeconds,
        wallSeconds = Math.Round(o.WallSeconds, 2),
        data,
        passed = o.Passed,
        expectations = o.Checks.Select(x => new { check = x.Name, passed = x.Passed, detail = x.Detail, atSeconds = x.At.TotalSeconds }),
    });
}
