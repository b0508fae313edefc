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
    /// A read-only query answered from its last answer while what it reads has not changed: for the views a node counts
    /// (<see cref="Node.NodeStateViews"/>: certificates, the agent's peer states, FIPS), while the view's counter has not
    /// moved; the peer status panel, which refreshes with time alone, every time (<see cref="QueryView{T}.Remembered"/>);
    /// for any other query, while no actor of the node has handled a message (<see cref="Simulation.Kernel.SimulationKernel.Activity"/>).
    /// Always asked again of another incarnation. The always-on checks ask at every instant something happens and every
    /// beat; most of the time nothing they read has changed. With <see cref="VerifyMemo"/>, every query is asked anyway
    /// and a remembered answer that differs from the fresh one throws (tests prove the counters are complete).
    /// </summary>
    public T? Query<T>(string node, Func<IActorRef, object> make) where T : class
    {
        if (!run.TryGetNode(node, out var n) || !n.IsUp) return null;
        if (!QueryView<T>.Remembered) return run.Operator.Request<T>(node, make);
        if (!_answers.TryGetValue(node, out var answers)) _answers[node] = answers = new NodeAnswers(run.Kernel.Activity(node));
        var slot = QuerySlot<T>.Index;
        if (answers.Slots.Length <= slot) Array.Resize(ref answers.Slots, slot + 1);
        var version = QueryView<T>.Counter is { } counter && n.Context is { } context ? counter(context.Views) : answers.Activity.Scheduled;
        if (answers.Slots[slot] is { } last && ReferenceEquals(last.Incarnation, n.Context) && last.Version == version)
        {
            if (!VerifyMemo || QueryView<T>.Counter is null) return (T?)last.Reply;
            var fresh = run.Operator.Request<T>(node, make);
            if (!QueryView<T>.SameAnswer(last.Reply, fresh))
                throw new InvalidOperationException($"{typeof(T).Name} of {node} changed at {run.Now} without a change of its view counter");
            return (T?)last.Reply;
        }

        var answer = run.Operator.Request<T>(node, make);
        answers.Slots[slot] = new Answer(n.Context, version, answer);
        return answer;
    }

    /// <summary>With <see cref="VerifyMemo"/>, null: every check asks every time, so the memo is verified everywhere.</summary>
    public ViewStamp? Stamp(string node)
    {
        if (VerifyMemo || !run.TryGetNode(node, out var n)) return null;
        return n.IsUp && n.Context is { } context ? new ViewStamp(context.Views, context.Views.Version) : new ViewStamp(null, 0);
    }

    /// <summary>Tests: ask every query anyway and throw if a remembered answer differs from the node's own (see <see cref="Query{T}"/>).</summary>
    public bool VerifyMemo { get; init; }

    private readonly Dictionary<string, NodeAnswers> _answers = new(StringComparer.Ordinal);

    private sealed class NodeAnswers(Simulation.Kernel.SimulationKernel.SystemActivity activity)
    {
        public Simulation.Kernel.SimulationKernel.SystemActivity Activity { get; } = activity;

        public Answer?[] Slots = [];
    }

    /// <summary>A remembered answer; <see cref="Incarnation"/> is the node's context, new at every start (a system may be reused).</summary>
    private sealed record Answer(object? Incarnation, long Version, object? Reply);

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
