using Akka.Actor;
using ImpClusterSim.Domain.Time;
using ImpClusterSim.Domain.Topology;
using ImpClusterSim.Scenarios.Language;
using ImpClusterSim.Simulation;

namespace ImpClusterSim.Scenarios.Runner;

/// <summary>What the runner's parts share: the live run, the scenario, its CAs, and name lookups in the topology.</summary>
internal sealed class RunContext(SimulationRun run, Scenario scenario, ScenarioCas cas)
{
    /// <summary>Where run events that belong to no node (a wait, a check about the whole deployment) are traced.</summary>
    public const string ScenarioNode = "scenario";

    public SimulationRun Run { get; } = run;

    public Scenario Scenario { get; } = scenario;

    public ScenarioCas Cas { get; } = cas;

    public Deployment Topology => Scenario.Deployment.Topology;

    public SimInstant Start => Run.Options.Start;

    /// <summary>The folder of the scenario file, for 'file:' arguments.</summary>
    public string BaseDirectory => Path.GetDirectoryName(Path.GetFullPath(Scenario.Span.File)) ?? Directory.GetCurrentDirectory();

    public SimInstant NodeClock(string node) => Run.Now + Run[node].Skew;

    public bool IsUp(string node) => Run.TryGetNode(node, out var n) && n.IsUp;

    /// <summary>An IM&amp;P cluster named by itself or by one of its nodes.</summary>
    public ImpCluster ImpCluster(string name) =>
        Topology.ImpClusters.FirstOrDefault(c => c.Name == name) ?? Topology.ImpClusterOf(name)
        ?? throw new ArgumentException($"'{name}' is not an IM&P cluster or one of its nodes", nameof(name));

    public NodeSpec PublisherOf(string cluster) => ImpCluster(cluster).Publisher;

    /// <summary>A synchronous query or operation on a node (no virtual time passes); null when the node is down or does not answer.</summary>
    public T? Request<T>(string node, Func<IActorRef, object> make) where T : class =>
        IsUp(node) ? Run.Operator.Request<T>(node, make) : null;

    /// <summary>
    /// A read-only query (<typeparamref name="T"/> names it: one query message per answer type) whose answer depends only
    /// on the state of the node's actors: asked again only if an actor of the node has handled a message since the last
    /// answer (<see cref="Simulation.Kernel.SimulationKernel.Activity"/>) or the node is another incarnation; otherwise
    /// the last answer is returned. The always-on checks ask every node at every instant something happens; most
    /// nodes have done nothing since. Null when the node is down or does not answer, as <see cref="Request{T}"/>.
    /// </summary>
    public T? Query<T>(string node, Func<IActorRef, object> make) where T : class
    {
        if (!Run.TryGetNode(node, out var n) || !n.IsUp) return null;
        if (!_answers.TryGetValue(node, out var answers)) _answers[node] = answers = new NodeAnswers(Run.Kernel.Activity(node));
        var slot = QuerySlot<T>.Index;
        if (answers.Slots.Length <= slot) Array.Resize(ref answers.Slots, slot + 1);
        if (answers.Slots[slot] is { } last && ReferenceEquals(last.System, n.System) && last.Activity == answers.Activity.Scheduled)
            return (T?)last.Reply;
        var answer = Run.Operator.Request<T>(node, make);
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

    public void Record(string node, string @event, params (string Key, string Value)[] details) => Run.RecordRunEvent(node, @event, details);

    public static string FirstLine(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? "" : lines[0];
    }
}
