using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ImpClusterSim.Cli.Common;
using ImpClusterSim.Domain.Time;
using ImpClusterSim.Domain.Topology;
using ImpClusterSim.Scenarios.BuiltIn;
using ImpClusterSim.Simulation;

namespace ImpClusterSim.Cli.Run;

/// <summary>`impsim run`: plays a deployment in virtual time and says, with the seed that replays it, what happened.</summary>
public static class RunCommand
{
    private static readonly Option<ulong> Seed = new("--seed") { Description = "Seed of the run: the same seed replays the run byte for byte", DefaultValueFactory = _ => 1 };
    private static readonly Option<string> Until = new("--until") { Description = "Virtual duration to simulate, e.g. 90m, 24h, 2d", DefaultValueFactory = _ => "24h" };
    private static readonly Option<FileInfo?> Trace = new("--trace") { Description = "Write the trace (one JSON object per line) to this file" };
    private static readonly Option<bool> Json = new("--json") { Description = "Print a JSON summary on stdout instead of the timeline" };
    private static readonly Option<FileInfo?> Topology = new("--topology") { Description = "Topology YAML file (default: the embedded 20-node deployment)" };
    private static readonly Option<FileInfo?> Log = new("--log") { Description = "Write a Serilog CLEF (JSON) log of every event to this file" };

    public static Command Create()
    {
        var command = new Command("run", "Run the embedded default deployment (or a topology) in virtual time")
        {
            Seed, Until, Trace, Json, Topology, Log,
        };
        command.SetAction(parse => Execute(
            parse.GetValue(Seed),
            parse.GetValue(Until)!,
            parse.GetValue(Trace),
            parse.GetValue(Json),
            parse.GetValue(Topology),
            parse.GetValue(Log),
            parse.InvocationConfiguration.Output));
        return command;
    }

    private static int Execute(ulong seed, string until, FileInfo? tracePath, bool json, FileInfo? topologyPath, FileInfo? logPath, TextWriter output)
    {
        if (!DurationText.TryParse(until, out var horizon) || horizon <= TimeSpan.Zero)
            throw new UsageException($"--until '{until}' is not a duration; write it like 90m, 24h or 2d");
        var topology = LoadTopology(topologyPath);

        var wall = Stopwatch.StartNew();
        using var traceFile = tracePath is null ? null : OpenForWriting(tracePath);
        using var logging = RunLogging.Create(seed, logPath, verbose: false);
        using var run = KernelShowcase.Create(topology, seed, traceFile);
        var timeline = new Timeline(run.Options.Start);
        run.Trace.AddObserver(timeline.Observe);
        run.Trace.AddObserver(logging.Observe);
        run.StartAll();

        run.RunUntil(run.Options.Start + horizon);
        run.Network.TraceSummary();
        run.Trace.Flush();
        wall.Stop();

        var stats = run.Network.Stats;
        var summary = new RunSummary(
            Seed: seed,
            Nodes: run.Nodes.Count,
            VirtualSeconds: horizon.TotalSeconds,
            WallSeconds: wall.Elapsed.TotalSeconds,
            MessagesDelivered: stats.Delivered,
            MessagesDropped: stats.DroppedByPartition + stats.DroppedByLoss + stats.DroppedNodeDown,
            TraceEvents: run.Trace.EventCount,
            TraceHash: run.Trace.Hash,
            ForeignWork: run.Kernel.ForeignEnqueues,
            Replay: ReplayCommand(seed, until, tracePath, topologyPath));

        if (json) output.WriteLine(summary.ToJson());
        else
        {
            timeline.Render(output);
            summary.Render(output);
        }
        // Work that arrived from outside the loop thread means the run may not replay: fail loudly.
        return summary.ForeignWork == 0 ? ExitCodes.Success : ExitCodes.ExpectationFailed;
    }

    private static Deployment LoadTopology(FileInfo? path)
    {
        if (path is null) return Deployment.LoadDefault();
        if (!path.Exists) throw new UsageException($"topology file '{path.FullName}' does not exist");
        try
        {
            return TopologyLoader.LoadFile(path.FullName);
        }
        catch (TopologyException e)
        {
            throw new UsageException("invalid topology:" + Environment.NewLine + string.Join(Environment.NewLine, e.Errors.Select(x => "  " + x)));
        }
    }

    private static FileStream OpenForWriting(FileInfo path)
    {
        try
        {
            path.Directory?.Create();
            return new FileStream(path.FullName, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot write '{path.FullName}': {e.Message}");
        }
    }

    private static string ReplayCommand(ulong seed, string until, FileInfo? trace, FileInfo? topology)
    {
        var parts = new List<string> { "impsim run", "--seed", seed.ToString(CultureInfo.InvariantCulture), "--until", until };
        if (topology is not null) parts.AddRange(["--topology", topology.FullName]);
        if (trace is not null) parts.AddRange(["--trace", trace.FullName]);
        return string.Join(' ', parts);
    }
}
