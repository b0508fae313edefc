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
        if (!_activity.TryGetValue(node, out var activity)) _activity[node] = activity = Run.Kernel.Activity(node);
        var key = (node, typeof(T));
        if (_answers.TryGetValue(key, out var last) && ReferenceEquals(last.System, n.System) && last.Activity == activity.Scheduled)
            return (T?)last.Reply;
        var answer = Run.Operator.Request<T>(node, make);
        _answers[key] = new Answer(n.System, activity.Scheduled, answer);
        return answer;
    }

    private readonly Dictionary<string, Simulation.Kernel.SimulationKernel.SystemActivity> _activity = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Node, Type Query), Answer> _answers = [];

    private sealed record Answer(object? System, long Activity, object? Reply);

    public void Record(string node, string @event, params (string Key, string Value)[] details) => Run.RecordRunEvent(node, @event, details);

    public static string FirstLine(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? "" : lines[0];
    }
}
