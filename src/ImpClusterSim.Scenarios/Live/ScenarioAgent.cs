using System.Collections.Concurrent;
using Akka.Actor;
using ImpClusterSim.Live;
using ImpClusterSim.Live.Control;
using ImpClusterSim.Scenarios.Language;
using ImpClusterSim.Scenarios.Runner;

namespace ImpClusterSim.Scenarios.Live;

/// <summary>
/// A live node process's scenario agent (<c>/user/scenario-agent</c> of its host system, reached through the control
/// actor): plays a scenario step's operation on its own node (<see cref="PlayStep"/>) and evaluates a condition on it
/// (<see cref="ProbeCondition"/>) with the same <see cref="OperationExecutor"/> and <see cref="ConditionProbe"/> as sim
/// mode, the scenario's CAs rebuilt from its text (<see cref="ScenarioCas"/> is deterministic). The work runs on the
/// agent's own thread, one request at a time, because it waits for the node's Service Manager.
/// </summary>
public sealed class ScenarioAgent : ReceiveActor
{
    public const string Name = "scenario-agent";

    private readonly BlockingCollection<Action> _work = new();

    /// <summary>The agent's props for <paramref name="scenario"/> on <paramref name="host"/>.</summary>
    public static Props Props(LiveNodeHost host, Scenario scenario) => Akka.Actor.Props.Create(() => new ScenarioAgent(host, scenario));

    public ScenarioAgent(LiveNodeHost host, Scenario scenario)
    {
        var runHost = new NodeProcessHost(host);
        var context = new RunContext(runHost, scenario, ScenarioCas.Create(scenario.Cas, runHost.Start));
        var operations = new OperationExecutor(context);
        var probe = new ConditionProbe(context);
        var conditions = new ConditionIndex(scenario);
        var worker = new Thread(() =>
        {
            foreach (var work in _work.GetConsumingEnumerable()) work();
        }) { IsBackground = true, Name = "scenario-agent" };
        worker.Start();

        Receive<PlayStep>(m =>
        {
            var sender = Sender;
            _work.Add(() =>
            {
                if (m.Step < 0 || m.Step >= scenario.Steps.Length)
                {
                    sender.Tell(new StepPlayed([new RunRecord(m.Node, "step", [KeyValuePair.Create("result", "refused"), KeyValuePair.Create("reply", $"no step {m.Step} in {scenario.Name}")])]));
                    return;
                }

                try
                {
                    sender.Tell(new StepPlayed(runHost.Collect(() => operations.Execute(m.Node, scenario.Steps[m.Step].Operation))));
                }
                catch (Exception e)
                {
                    sender.Tell(new StepPlayed([new RunRecord(m.Node, scenario.Steps[m.Step].Operation.Kind,
                        [KeyValuePair.Create("result", "failed"), KeyValuePair.Create("reply", $"{e.GetType().Name}: {e.Message}")])]));
                }
            });
        });
        Receive<RunCli>(m =>
        {
            var sender = Sender;
            _work.Add(() => sender.Tell(Cli(runHost, m.Node, m.Line)));
        });
        Receive<ProbeCondition>(m =>
        {
            var sender = Sender;
            _work.Add(() =>
            {
                var condition = conditions[m.Condition];
                Observation o;
                try
                {
                    o = condition is null
                        ? new Observation(false, $"no condition {m.Condition} in {scenario.Name}")
                        : probe.EvaluateOn(m.Node, condition);
                }
                catch (Exception e)
                {
                    o = new Observation(false, $"{m.Node} could not evaluate it: {e.GetType().Name}: {e.Message}");
                }
                sender.Tell(new ConditionObserved(o.Holds, o.Seen));
            });
        });
    }

    /// <summary>A CLI line at the node's admin prompt, through its Service Manager as the shell sends it.</summary>
    private static CliOutput Cli(NodeProcessHost host, string node, string line) =>
        host.Request<Node.Runtime.CliReply>(node, r => new Node.Runtime.CliRequest(line, r)) is { } reply
            ? new CliOutput(true, reply.Output)
            : new CliOutput(false, $"{node} did not answer");

    protected override void PostStop()
    {
        _work.CompleteAdding();
        base.PostStop();
    }
}
