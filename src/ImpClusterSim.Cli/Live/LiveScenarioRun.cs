using System.Globalization;
using ImpClusterSim.Cli.Common;
using ImpClusterSim.Cli.Run;
using ImpClusterSim.Domain.Time;
using ImpClusterSim.Live.Coordinator;
using ImpClusterSim.Node.Ports;
using ImpClusterSim.Scenarios.BuiltIn;
using ImpClusterSim.Scenarios.Live;
using ImpClusterSim.Scenarios.Reports;
using ImpClusterSim.Simulation.Tracing;

namespace ImpClusterSim.Cli.Live;

/// <summary>The options of `impsim live [SCENARIO]` (see <see cref="LiveCommand"/>).</summary>
internal sealed record LiveScenarioArguments(
    FileInfo? Scenario, double Speed, int BasePort, ulong? Seed, string? Data, bool Keep, bool Json, bool Tls, int UpWithin, string? Until, DirectoryInfo? Report);

/// <summary>
/// `impsim live [SCENARIO]`: checks everything first (the scenario, what live mode cannot play, options, output paths:
/// exit 2 and nothing started), then plays the scenario live and prints what `impsim run` prints, marked live.
/// Ctrl+C stops the run and every process it started.
/// </summary>
internal static class LiveScenarioRun
{
    public static int Execute(LiveScenarioArguments args, TextWriter output, TextWriter error)
    {
        if (args.Scenario is not null && args.Scenario.Name.StartsWith('-')) throw new UsageException($"unknown option '{args.Scenario}'");
        var scenario = RunCommand.LoadScenarioFile(args.Scenario, error);
        if (scenario is null) return ExitCodes.BadInput;
        if (LiveSupport.Refusals(scenario) is { Count: > 0 } refusals)
            throw new UsageException($"live mode cannot play {scenario.Name}; nothing was started:{Environment.NewLine}{string.Join(Environment.NewLine, refusals.Select(r => "  " + r))}");
        var topology = scenario.Deployment.Topology;
        LiveArguments.Port("--base-port", args.BasePort, topology.Nodes.Count());
        if (args.UpWithin is < 1 or > 600) throw new UsageException($"--up-within {args.UpWithin} is out of range (1 to 600 s)");
        var horizon = RunCommand.ParseUntil(args.Until) ?? scenario.Until;
        if (args.Report is not null) PathChecks.WritableDirectory(args.Report, "--report");
        var seed = args.Seed ?? scenario.Seed ?? 1;

        var data = Path.GetFullPath(args.Data ?? Path.Combine(Path.GetTempPath(), "impsim-live-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture)));
        Directory.CreateDirectory(data);
        // Every node process loads the same file: the embedded default is written beside the SQLite files.
        var scenarioPath = args.Scenario?.FullName ?? Path.Combine(data, DefaultScenario.FileName);
        if (args.Scenario is null) File.WriteAllText(scenarioPath, DefaultScenario.Yaml());
        var options = new LiveDeploymentOptions(topology, scenarioPath, args.BasePort, args.Speed, seed, data, NodeLaunch.For(typeof(LiveCommand).Assembly.Location))
        {
            UpWithin = TimeSpan.FromSeconds(args.UpWithin),
            ScenarioPath = scenarioPath,
        };
        if (args.Tls)
        {
            var tlsDir = Path.Combine(data, "tls");
            ImpClusterSim.Live.LiveTls.Issue(tlsDir, ["coordinator", .. topology.Nodes.Select(n => n.Name)], DateTime.UtcNow);
            options = options with { TlsDirectory = tlsDir };
        }

        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        // SIGTERM too (a service manager, `timeout`): stop the run and every process it started.
        using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, c =>
        {
            c.Cancel = true;
            cancel.Cancel();
        });
        Scenarios.Outcome.ScenarioOutcome outcome;
        try
        {
            if (!args.Json)
                error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"impsim live: {scenario.Name}: starting {options.Nodes.Count} node processes on {options.Hostname}:{args.BasePort + 1}.. (SQLite files under {data}), then {DurationText.Format(horizon)} of virtual time at speed {args.Speed}"));
            outcome = LiveScenarioRunner.Play(scenario, options, horizon, args.Keep, args.Json ? [] : [e => Progress(e, error)], cancel.Token);
        }
        catch (OperationCanceledException)
        {
            error.WriteLine(args.Keep ? "impsim live: cancelled; the node processes were left running (--keep)" : "impsim live: cancelled; every node process it started was stopped");
            return ExitCodes.ExpectationFailed;
        }
        catch (Exception e) when (e is LiveStartException or LiveNodeUnreachableException or TimeoutException or Akka.Actor.AskTimeoutException)
        {
            // Every process started was stopped on the way out (LiveScenarioRunner disposes the coordinator).
            error.WriteLine($"impsim live: the live run stopped: {e.Message}");
            return ExitCodes.ExpectationFailed;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }

        var traceBytes = TraceBytes(outcome.Events);
        if (args.Report is not null)
        {
            args.Report.Create();
            ReportWriter.Write(outcome, args.Report.FullName, traceBytes);
        }

        if (args.Json) output.Write(System.Text.Encoding.UTF8.GetString(SummaryJson.Write(outcome)));
        else
        {
            var timeline = new Timeline(outcome.Start);
            foreach (var e in outcome.Events) timeline.Observe(e);
            timeline.Render(output);
            ChecksTable.Render(output, outcome);
            RunSummary.Of(outcome).Render(output);
            output.WriteLine($"SQLite files: {data}");
        }

        var written = args.Json ? error : output;
        if (args.Keep)
            written.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"node processes left running (--keep): {Invocation.CommandLine(["shell", "--connect", $"{options.Hostname}:{options.PortOf(options.Nodes[0].Name)}"])}"));
        if (args.Report is not null)
            written.WriteLine($"report: {Path.Combine(args.Report.ToString(), ReportWriter.HtmlFile)} (and {ReportWriter.SummaryFile}, {ReportWriter.TraceFile}, {ReportWriter.JUnitFile} beside it)");
        return outcome.Passed ? ExitCodes.Success : ExitCodes.ExpectationFailed;
    }

    /// <summary>The run's own events (steps, faults, checks) as they happen, for a person watching a live run.</summary>
    private static void Progress(TraceEvent e, TextWriter error)
    {
        if (e.Path != "/") return;
        error.WriteLine($"  +{DurationText.Format(e.Time - SimInstant.DefaultRunStart),-10} {e.Node,-12} {e.Event,-20} {string.Join(", ", e.Details.Select(d => d.Key + "=" + d.Value))}");
    }

    private static byte[] TraceBytes(IEnumerable<TraceEvent> events)
    {
        using var buffer = new MemoryStream();
        using (var trace = new TraceWriter(buffer, leaveOpen: true))
        {
            foreach (var e in events) trace.Record(e);
            trace.Flush();
        }

        return buffer.ToArray();
    }
}
