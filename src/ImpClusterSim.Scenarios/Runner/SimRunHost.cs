using Akka.Actor;
using ImpClusterSim.Domain.Time;
using ImpClusterSim.Scenarios.Language;
using ImpClusterSim.Simulation;

namespace ImpClusterSim.Scenarios.Runner;

/// <summary>A scenario played in sim mode: every node in this run, one virtual clock, requests answered at once.</summary>
internal sealed class SimRunHost(SimulationRun run) : IRunHost
{
    private readonly InstantEnd _instantEnd = new(run);

    public SimulationRun Run => run;

    public SimInstant Start => run.Options.Start;

    public SimInstant Now => run.Now;

    public void At(SimInstant when, Action action) => run.At(when, action);

    public void AtInstantEnd(Action action) => _instantEnd.Then(action);

    public SimInstant NodeClock(string node) => run.Now + run[node].Skew;

    public bool IsUp(string node) => run.TryGetNode(node, out var n) && n.IsUp;

    public T? Request<T>(string node, Func<IActorRef, object> make) where T : class =>
        IsUp(node) ? run.Operator.Request<T>(node, make) : null;

    /// <summary>
    /// Asked again only if an actor of the node has handled a message since the last answer
    /// (<see cref="Simulation.Kernel.SimulationKernel.Activity"/>) or the node is another incarnation; otherwise the last
    /// answer (the always-on checks ask every node at every instant something happens; most nodes have done nothing since).
    /// </summary>
    public T? Query<T>(string node, Func<IActorRef, object> make) where T : class
    {
        if (!run.TryGetNode(node, out var n) || !n.IsUp) return null;
        if (!_answers.TryGetValue(node, out var answers)) _answers[node] = answers = new NodeAnswers(run.Kernel.Activity(node));
        var slot = QuerySlot<T>.Index;
        if (answers.Slots.Length <= slot) Array.Resize(ref answers.Slots, slot + 1);
        if (answers.Slots[slot] is { } last && ReferenceEquals(last.System, n.System) && last.Activity == answers.Activity.Scheduled)
            return (T?)last.Reply;
        var answer = run.Operator.Request<T>(node, make);
        answers.Slots[slot] = new Answer(n.System, answers.Activity.Scheduled, answer);
        return answer;
    }

    private readonly Dictionary<string, NodeAnswers> _answers = new(StringComparer.Ordinal);

    private sealed class NodeAnswers(Simulation.Kernel.SimulationKernel.SystemActivity activity)
    {
        public Simulation.Kernel.SimulationKernel.SystemActivity Activity { get; } = activity;

        public Answer?[] Slots = [];
    }

    private sealed record Answer(object? System, long Activity, object? Reply);

    /// <summary>A small index per answer type (a slot of <see cref="NodeAnswers"/>), given out once per type in the process.</summary>
    private static class QuerySlot<T>
    {
        public static readonly int Index = Interlocked.Increment(ref _slots) - 1;
    }

    private static int _slots;


    public void Send(string node, Func<IActorRef, object> make, Action<object> onReply) => run.Operator.Send(node, make, onReply);

    public void Record(string node, string @event, (string Key, string Value)[] details) => run.RecordRunEvent(node, @event, details);

    public void Play(string node, Step step, Action here) => here();

    public Observation Probe(string node, Condition condition, Func<Observation> here) => here();
}
