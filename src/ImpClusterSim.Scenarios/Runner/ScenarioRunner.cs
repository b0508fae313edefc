using System.Globalization;
using ImpClusterSim.Domain.Intercluster;
using ImpClusterSim.Domain.Services;
using ImpClusterSim.Node.Ports;
using ImpClusterSim.Node.Runtime;
using ImpClusterSim.Scenarios.Language;
using ImpClusterSim.Scenarios.Outcome;
using ImpClusterSim.Simulation;
using ImpClusterSim.Simulation.Network;

namespace ImpClusterSim.Scenarios.Runner;

/// <summary>
/// Plays a validated scenario on real platform nodes in virtual time (docs/scenarios.md, "Running scenarios"): builds
/// the deployment with the scenario's settings, creates its CAs, schedules every step and fault as a clock action,
/// evaluates the checks against the live run, and returns the <see cref="ScenarioOutcome"/>.
/// </summary>
public static class ScenarioRunner
{
    public static ScenarioOutcome Run(Scenario scenario, ulong seed, Stream? trace = null) =>
        Run(scenario, new ScenarioRunOptions { Seed = seed, Trace = trace });

    public static ScenarioOutcome Run(Scenario scenario, ScenarioRunOptions options)
    {
        var seed = options.Seed ?? scenario.Seed ?? 1;
        scenario = StepTimes.Draw(scenario, seed);
        var horizon = options.Until ?? scenario.Until;
        var topology = scenario.Deployment.Topology;
        var settings = scenario.Deployment.Settings;
        using var run = new SimulationRun(new RunOptions
        {
            Seed = seed,
            ClusterOfNode = PlatformDeployment.ClusterOfNode(topology),
            TraceOutput = options.Trace,
            DiskPort = options.DiskPort,
            DefaultLink = LinkModels.With(LinkModel.Lan, settings.Network.Latency, settings.Network.Distribution, settings.Network.Loss,
                settings.Network.Duplication, settings.Network.Reorder),
        });
        PlatformDeployment.AddTo(run, topology, Catalogue(settings.Timings), timings: Timings(settings));

        var events = new List<TraceEvent>();
        run.Trace.AddObserver(events.Add);
        foreach (var observer in options.Observers) run.Trace.AddObserver(observer);

        var context = new RunContext(new SimRunHost(run) { VerifyMemo = options.VerifyQueryMemo }, scenario, ScenarioCas.Create(scenario.Cas, run.Options.Start));
        var probe = new ConditionProbe(context);
        run.Trace.AddObserver(probe.Observe);
        var operations = new OperationExecutor(context);
        var checks = new CheckBoard(context, probe, horizon, options.CheckInterval);
        run.Trace.AddObserver(checks.Observe);
        var faults = new FaultScheduler(context, run);

        ScheduleSteps(context, horizon, probe, operations, checks);

        faults.ScheduleAll([.. scenario.Faults.Where(f => f.At <= horizon)]);
        checks.Schedule();
        // Fold the network's delivery digest into the trace every hour, so that the trace hash covers every delivery.
        void Summarise()
        {
            run.Network.TraceSummary();
            run.After(TimeSpan.FromHours(1), Summarise);
        }

        run.After(TimeSpan.FromHours(1), Summarise);

        run.StartAll();
        options.AtStart?.Invoke(run);
        if (options.Progress is { } progress)
        {
            var tick = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerSecond, horizon.Ticks / 100));
            void Report()
            {
                progress(run.Now - run.Options.Start, horizon);
                run.After(tick, Report);
            }

            run.After(tick, Report);
        }

        run.RunUntil(run.Options.Start + horizon);
        checks.Finish();
        run.Network.TraceSummary();
        run.Trace.Flush();
        options.AtEnd?.Invoke(run);

        var stats = run.Network.Stats;
        var outcomes = checks.Outcomes;
        outcomes = outcomes.AddRange(BuiltInInvariants.Check(events, run.Kernel.ForeignEnqueues, run.Now, scenario))
            .AddRange(BuiltInInvariants.Check(run.ActorFailures, scenario));

        return new ScenarioOutcome(
            scenario.Name,
            scenario.GuideSection,
            seed,
            run.Options.Start,
            horizon,
            0, // wall seconds: the caller measures them (simulated code never reads the machine clock)
            run.Nodes.Count,
            stats.Delivered,
            stats.DroppedByPartition + stats.DroppedByLoss + stats.DroppedNodeDown,
            run.Trace.Hash,
            options.Replay ?? DefaultReplay(scenario, seed, horizon),
            outcomes,
            faults.Windows,
            [.. events]);
    }

    /// <summary>
    /// Schedules every step up to the horizon at its instant (its drawn time, <see cref="StepTimes"/>; a drawn step first
    /// records a "step-time-drawn" run event with the range and the time): its operation on each target node, its results watched by
    /// the probe (step outcomes), then the open checks see its effect. Sim and live mode play steps so.
    /// </summary>
    internal static void ScheduleSteps(RunContext context, TimeSpan horizon, ConditionProbe probe, OperationExecutor operations, CheckBoard checks)
    {
        foreach (var step in context.Scenario.Steps)
        {
            if (step.At > horizon) continue;
            context.Host.At(context.Start + step.At, () =>
            {
                if (step.IsDrawn)
                    context.Record(RunContext.ScenarioNode, "step-time-drawn", ("step", step.Label ?? $"#{step.Index + 1}"),
                        (step.Timing == StepTiming.After ? "after" : "at", $"{Domain.Time.DurationText.Format(step.Range!.Min)}..{Domain.Time.DurationText.Format(step.Range.Max)}"),
                        ("time", Domain.Time.DurationText.Format(step.At)));
                probe.Playing(step);
                operations.Execute(step);
                probe.Playing(null);
                checks.AfterStep(step);
            });
        }
    }

    private static string DefaultReplay(Scenario scenario, ulong seed, TimeSpan horizon) =>
        $"impsim run {scenario.Span.File} --seed {seed.ToString(CultureInfo.InvariantCulture)} --until {Domain.Time.DurationText.Format(horizon)}";

    /// <summary>The scenario's service start/stop ranges over the default catalogue; a missing range keeps the default.</summary>
    internal static ServiceCatalogue Catalogue(Timings timings)
    {
        var catalogue = ServiceCatalogue.Default;
        foreach (var (name, t) in timings.Services.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var current = catalogue.Definitions.First(d => d.Name == name);
            catalogue = catalogue.WithDurations(name, t.Start ?? current.StartDuration, t.Stop ?? current.StopDuration);
        }

        return catalogue;
    }

    internal static RuntimeTimings Timings(ScenarioSettings settings)
    {
        var timings = settings.Timings;
        var runtime = new RuntimeTimings { TrustDeletion = settings.TrustDeletion };
        if (timings.CertificateChangeCheck is { } check) runtime = runtime with { CertificateChangeCheck = check };
        if (timings.ReplicationDelay is { } delay) runtime = runtime with { ReplicationDelay = delay };
        var icsa = runtime.Icsa;
        runtime = runtime with
        {
            Icsa = new IcsaTimings(
                timings.IcsaInterval ?? icsa.PeriodicInterval,
                timings.IcsaRetry ?? icsa.RetryAfterFailure,
                timings.PeerStatusRefresh ?? icsa.PanelRefresh),
        };
        return runtime;
    }
}
