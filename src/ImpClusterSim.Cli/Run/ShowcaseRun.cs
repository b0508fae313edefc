using System.Diagnostics;
using ImpClusterSim.Cli.Common;
using ImpClusterSim.Scenarios.BuiltIn;

namespace ImpClusterSim.Cli.Run;

/// <summary>
/// `impsim run --topology FILE` without a scenario: the kernel showcase (skeleton services, a partition and a crash)
/// on that topology, 24 virtual hours unless --until says otherwise. Kept for kernel work and benchmarks.
/// </summary>
internal static class ShowcaseRun
{
    public static int Execute(RunArguments args, TextWriter output, TextWriter error)
    {
        var horizon = RunCommand.ParseUntil(args.Until) ?? TimeSpan.FromHours(24);
        var seed = args.Seed ?? 1;
        var topology = RunCommand.LoadTopology(args.Topology!);
        RunCommand.CheckOutputs(args);

        var wall = Stopwatch.StartNew();
        using var traceFile = args.Trace is null ? null : RunCommand.OpenForWriting(args.Trace);
        using var logging = RunLogging.Create(seed, args.Log, verbose: false);
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
            Replay: RunCommand.ReplayCommand(null, seed, horizon, args.Trace, args.Topology));

        if (args.Json) output.WriteLine(summary.ToJson());
        else
        {
            timeline.Render(output);
            summary.Render(output);
        }

        if (RunCommand.TraceWriteFailed(traceFile, error) | logging.CloseFailed(error)) return ExitCodes.BadInput;
        if (run.ActorFailures.Count > 0)
        {
            foreach (var f in run.ActorFailures.Take(10)) error.WriteLine($"FAIL  actor failed on {f.Node} at {f.Time}, actor {f.ActorPath}: {f.Message}");
            return ExitCodes.ExpectationFailed;
        }

        // Work that arrived from outside the loop thread means the run may not replay: fail loudly.
        return summary.ForeignWork == 0 ? ExitCodes.Success : ExitCodes.ExpectationFailed;
    }
}
