using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Akka.Actor;
using ImpClusterSim.Domain.Time;
using ImpClusterSim.Live;
using ImpClusterSim.Live.Coordinator;
using ImpClusterSim.Node;
using ImpClusterSim.Node.Ports;
using ImpClusterSim.Scenarios.Language;
using ImpClusterSim.Scenarios.Outcome;
using ImpClusterSim.Scenarios.Runner;
using ImpClusterSim.Simulation.Tracing;

namespace ImpClusterSim.Scenarios.Live;

/// <summary>
/// A scenario file played live (docs/live.md): one <c>impsim node --scenario</c> process per node of its deployment,
/// each running the platform's service actors and a <see cref="ScenarioAgent"/>; once every member is Up, the
/// coordinator plays the steps and faults at their virtual instants on the scaled wall clock, evaluates the checks
/// with the sim's <see cref="CheckBoard"/> (each node's part of a condition evaluated by that node's process), pulls
/// the nodes' traces, and returns the same <see cref="ScenarioOutcome"/> as sim mode, marked live (not replayable).
/// Every process it started is stopped on the way out (also on error or cancellation) unless asked to keep them.
/// </summary>
public static class LiveScenarioRunner
{
    /// <summary>How often the coordinator pulls the nodes' traces (wall time).</summary>
    public static readonly TimeSpan TracePullInterval = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The guardian props of <paramref name="node"/> in a node process playing <paramref name="scenario"/>: the platform
    /// with the scenario's service durations and timings, keys and certificates from the node's names as in sim mode.
    /// </summary>
    public static Func<NodeContext, Props> NodeRoot(Scenario scenario, string node) =>
        LivePlatform.Root(scenario.Deployment.Topology, node, ScenarioRunner.Timings(scenario.Deployment.Settings),
            ScenarioRunner.Catalogue(scenario.Deployment.Settings.Timings));

    /// <summary>Starts a node process's scenario agent (after <see cref="LiveNodeHost.StartAsync"/>).</summary>
    public static void StartAgent(LiveNodeHost host, Scenario scenario) =>
        host.ScenarioAgent = host.HostSystem.ActorOf(ScenarioAgent.Props(host, scenario), ScenarioAgent.Name);

    /// <summary>
    /// Plays <paramref name="scenario"/> up to <paramref name="horizon"/> (virtual) on the deployment of
    /// <paramref name="options"/> (its <see cref="LiveDeploymentOptions.ScenarioPath"/> is the file every node process
    /// loads). Throws <see cref="ArgumentException"/> listing what live mode cannot play before anything starts,
    /// <see cref="LiveStartException"/> when the deployment does not come Up, <see cref="OperationCanceledException"/>
    /// when cancelled; every process started is stopped first (unless <paramref name="keep"/>).
    /// <paramref name="observers"/> see every run event as it happens (a terminal's progress).
    /// </summary>
    public static ScenarioOutcome Play(Scenario scenario, LiveDeploymentOptions options, TimeSpan horizon, bool keep = false,
        IReadOnlyList<Action<TraceEvent>>? observers = null, CancellationToken cancel = default)
    {
        if (LiveSupport.Refusals(scenario) is { Count: > 0 } refusals) throw new ArgumentException(string.Join(Environment.NewLine, refusals));
        scenario = StepTimes.Draw(scenario, options.Seed);
        var wall = Stopwatch.StartNew();
        // Start-up is bounded by UpWithin and cleans up after itself; a cancellation is seen once it is done.
        var coordinator = LiveCoordinator.StartAsync(options).GetAwaiter().GetResult();
        try
        {
            cancel.ThrowIfCancellationRequested();
            coordinator.Keep = keep;
            var upSeconds = wall.Elapsed.TotalSeconds;
            var time = coordinator.StartServicesAsync(SimInstant.DefaultRunStart).GetAwaiter().GetResult();
            var host = new LiveRunHost(coordinator, time, scenario, cancel);
            var events = new List<TraceEvent>();
            host.AddObserver(events.Add);
            var context = new RunContext(host, scenario, ScenarioCas.Create(scenario.Cas, host.Start));
            var probe = new ConditionProbe(context);
            host.AddObserver(probe.Observe);
            var operations = new OperationExecutor(context);
            // Open checks are evaluated every half wall second (by asking the nodes), and after every step and event.
            var interval = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(10).Ticks, time.Virtual(TimeSpan.FromMilliseconds(500)).Ticks));
            var checks = new CheckBoard(context, probe, horizon, interval);
            host.AddObserver(checks.Observe);
            foreach (var observer in observers ?? []) host.AddObserver(observer);
            var faults = new LiveFaultPlayer(host);

            host.Record("coordinator", "nodes-up", [("nodes", options.Nodes.Count.ToString(CultureInfo.InvariantCulture)),
                ("wall-seconds", upSeconds.ToString("0.0", CultureInfo.InvariantCulture)), ("speed", options.Speed.ToString(CultureInfo.InvariantCulture))]);
            ScenarioRunner.ScheduleSteps(context, horizon, probe, operations, checks);
            faults.ScheduleAll([.. scenario.Faults.Where(f => f.At <= horizon)]);
            checks.Schedule();
            var pull = time.Virtual(TracePullInterval);
            void Pull()
            {
                host.PullTraces();
                host.At(host.Now + pull, Pull);
            }

            host.At(host.Start + pull, Pull);
            host.RunUntil(host.Start + horizon);
            host.PullTraces();
            // Each node process's message counts, as it last reported them (a restarted node: one line per incarnation).
            foreach (var (node, incarnation, counts) in host.Messages.Reports)
                host.Record(node, "network-counts", [("incarnation", incarnation.ToString(CultureInfo.InvariantCulture)),
                    ("sent", counts.Sent.ToString(CultureInfo.InvariantCulture)), ("delivered", counts.Delivered.ToString(CultureInfo.InvariantCulture)),
                    ("dropped-by-fault", counts.DroppedByFault.ToString(CultureInfo.InvariantCulture)),
                    ("dropped-unreachable", counts.DroppedUnreachable.ToString(CultureInfo.InvariantCulture))]);
            checks.Finish();
            wall.Stop();

            var messages = host.Messages.Total;
            var ordered = events.OrderBy(e => e.Time).ToList();
            var trace = new TraceWriter();
            foreach (var e in ordered) trace.Record(e);
            var outcomes = checks.Outcomes.AddRange(BuiltInInvariants.Check(ordered, 0, host.Now, scenario));
            return new ScenarioOutcome(
                scenario.Name,
                scenario.GuideSection,
                options.Seed,
                host.Start,
                horizon,
                wall.Elapsed.TotalSeconds,
                options.Nodes.Count,
                messages.Delivered,
                messages.Dropped,
                trace.Hash,
                $"not replayable (live run at speed {options.Speed.ToString(CultureInfo.InvariantCulture)}: thread and socket timing decide the order of events)",
                outcomes,
                faults.Windows,
                [.. ordered]) { Mode = "live", MessagesSent = messages.Sent };
        }
        finally
        {
            coordinator.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}
