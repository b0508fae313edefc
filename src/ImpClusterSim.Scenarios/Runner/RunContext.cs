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

    public void Record(string node, string @event, params (string Key, string Value)[] details) => Run.RecordRunEvent(node, @event, details);

    public static string FirstLine(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? "" : lines[0];
    }
}
