using Akka.Actor;
using ImpClusterSim.Domain.Time;
using ImpClusterSim.Domain.Topology;
using ImpClusterSim.Scenarios.Language;

namespace ImpClusterSim.Scenarios.Runner;

/// <summary>
/// What the runner's parts share: the host the scenario plays on (<see cref="IRunHost"/>: a simulated run, a live
/// coordinator, or a live node process), the scenario, its CAs, and name lookups in the topology.
/// </summary>
internal sealed class RunContext(IRunHost host, Scenario scenario, ScenarioCas cas)
{
    /// <summary>Where run events that belong to no node (a wait, a check about the whole deployment) are traced.</summary>
    public const string ScenarioNode = "scenario";

    public IRunHost Host { get; } = host;

    public Scenario Scenario { get; } = scenario;

    public ScenarioCas Cas { get; } = cas;

    public Deployment Topology => Scenario.Deployment.Topology;

    public SimInstant Start => Host.Start;

    /// <summary>The folder of the scenario file, for 'file:' arguments.</summary>
    public string BaseDirectory => Path.GetDirectoryName(Path.GetFullPath(Scenario.Span.File)) ?? Directory.GetCurrentDirectory();

    public SimInstant NodeClock(string node) => Host.NodeClock(node);

    public bool IsUp(string node) => Host.IsUp(node);

    /// <summary>An IM&amp;P cluster named by itself or by one of its nodes.</summary>
    public ImpCluster ImpCluster(string name) =>
        Topology.ImpClusters.FirstOrDefault(c => c.Name == name) ?? Topology.ImpClusterOf(name)
        ?? throw new ArgumentException($"'{name}' is not an IM&P cluster or one of its nodes", nameof(name));

    public NodeSpec PublisherOf(string cluster) => ImpCluster(cluster).Publisher;

    /// <summary>A synchronous query or operation on a node (no virtual time passes); null when the node is down or does not answer.</summary>
    public T? Request<T>(string node, Func<IActorRef, object> make) where T : class =>
        Host.Request<T>(node, make);

    /// <summary>
    /// A read-only query (<typeparamref name="T"/> names it) that the host may answer from its last answer when the
    /// node has not changed since (<see cref="IRunHost.Query{T}"/>: memoised in sim mode, asked every time live).
    /// Null when the node is down or does not answer, as <see cref="Request{T}"/>.
    /// </summary>
    public T? Query<T>(string node, Func<IActorRef, object> make) where T : class => Host.Query<T>(node, make);

    public void Record(string node, string @event, params (string Key, string Value)[] details) => Host.Record(node, @event, details);

    public static string FirstLine(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? "" : lines[0];
    }
}
