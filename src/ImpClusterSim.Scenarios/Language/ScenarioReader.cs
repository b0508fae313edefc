using System.Collections.Immutable;
using ImpClusterSim.Domain.Topology;
using YamlDotNet.RepresentationModel;

using ImpClusterSim.Domain.Yaml;

namespace ImpClusterSim.Scenarios.Language;

/// <summary>
/// Walks the YAML representation model of a scenario, collecting every error with its position instead of stopping
/// (the approach of TopologyReader). The deployment is read first, so that node and cluster names can be checked.
/// </summary>
internal sealed partial class ScenarioReader(string file, string text, string baseDirectory)
{
    private static readonly string[] RootKeys =
        ["name", "description", "guide-section", "seed", "until", "deployment", "cas", "steps", "faults", "expect", "assumptions"];

    private readonly List<ScenarioError> _errors = [];
    private YamlShape? _shape;
    private readonly Dictionary<string, CaSpec> _cas = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (TimeSpan At, TimeSpan Spread, YamlNode Node)> _labels = new(StringComparer.Ordinal);
    private readonly HashSet<string> _waitLabels = new(StringComparer.Ordinal);
    private Deployment? _deployment;
    private TimeSpan _until = Scenario.DefaultUntil;

    public IReadOnlyList<ScenarioError> Errors => _errors;

    public Scenario? Read(YamlNode root)
    {
        if (root is not YamlMappingNode map)
        {
            Error(root, $"a scenario must be a mapping with keys such as 'name', 'deployment' and 'steps', found {Describe(root)}");
            return null;
        }

        var f = Fields(map, "the scenario", RootKeys, ["name", "deployment"]);
        var name = f.TryGetValue("name", out var nameNode) ? Text(nameNode, "name") : null;
        var description = f.TryGetValue("description", out var d) ? Text(d, "description") : null;
        var guideSection = f.TryGetValue("guide-section", out var g) ? Text(g, "guide-section") : null;

        ulong? seed = null;
        if (f.TryGetValue("seed", out var seedNode) && Text(seedNode, "seed") is { } seedText)
        {
            if (ulong.TryParse(seedText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var s)) seed = s;
            else Error(seedNode, $"'seed' must be a whole number (0 or more), found '{seedText}'");
        }

        if (f.TryGetValue("until", out var untilNode) && DurationValue(untilNode, "until") is { } until) _until = until;

        var deployment = f.TryGetValue("deployment", out var depNode) ? ReadDeployment(depNode) : null;
        var cas = f.TryGetValue("cas", out var casNode) ? ReadCas(casNode) : [];
        var steps = f.TryGetValue("steps", out var stepsNode) ? ReadSteps(stepsNode) : [];
        var faults = f.TryGetValue("faults", out var faultsNode) ? ReadFaults(faultsNode) : [];
        var expectations = f.TryGetValue("expect", out var expectNode) ? ReadExpectations(expectNode) : [];
        var assumptions = f.TryGetValue("assumptions", out var assumeNode) ? ReadAssumptions(assumeNode) : [];

        if (_errors.Count > 0 || name is null || deployment is null) return null;
        return new Scenario(name, description, guideSection, seed, _until, deployment, cas, steps, faults, expectations, assumptions, Span(map));
    }

    private Dictionary<string, YamlNode> Fields(YamlMappingNode map, string what, IReadOnlyCollection<string> allowed, IReadOnlyCollection<string> required) =>
        Shape.Fields(map, what, allowed, required);

    private YamlMappingNode? Mapping(YamlNode node, string what) => Shape.Mapping(node, what);

    // 'steps:' with nothing yet is an empty list.
    private YamlSequenceNode? List(YamlNode node, string key) => Shape.List(node, key, emptyIsEmptyList: true);

    private YamlShape Shape => _shape ??= new YamlShape(Error);

    private static bool IsEmpty(YamlNode node) =>
        node is YamlScalarNode { Value: null or "" } or YamlMappingNode { Children.Count: 0 };

    private static string Describe(YamlNode node) => YamlShape.Describe(node);

    private static string OneOf(IEnumerable<string> names) => string.Join(", ", names);

    private SourceSpan Span(YamlNode node) => new(file, (int)node.Start.Line, (int)node.Start.Column);

    private void Error(YamlNode at, string message) =>
        _errors.Add(new ScenarioError(file, (int)at.Start.Line, (int)at.Start.Column, message));
}
