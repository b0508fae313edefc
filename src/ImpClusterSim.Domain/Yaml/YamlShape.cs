using YamlDotNet.RepresentationModel;

namespace ImpClusterSim.Domain.Yaml;

/// <summary>
/// The shape checks every YAML file of the simulator shares (topologies, scenarios): a mapping's keys against the
/// allowed and required ones, a mapping or a list where one is expected. Each problem goes to the reader's error
/// callback with the node where it is, so the reader reports file:line:column and goes on (all errors at once).
/// </summary>
public sealed class YamlShape(Action<YamlNode, string> error)
{
    /// <summary>The values of <paramref name="map"/> by key; unknown and non-scalar keys and missing required keys are errors.</summary>
    public Dictionary<string, YamlNode> Fields(YamlMappingNode map, string what, IReadOnlyCollection<string> allowed, IReadOnlyCollection<string> required)
    {
        var fields = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in map.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                error(keyNode, $"a key in {what} must be a plain name, found {Describe(keyNode)}");
                continue;
            }

            if (!allowed.Contains(key))
            {
                error(keyNode, $"unknown key '{key}' in {what}; expected one of: {string.Join(", ", allowed)}");
                continue;
            }

            fields[key] = value;
        }

        foreach (var key in required.Where(k => !fields.ContainsKey(k)))
            error(map, $"{what} is missing the key '{key}'");
        return fields;
    }

    public YamlMappingNode? Mapping(YamlNode node, string what)
    {
        if (node is YamlMappingNode map) return map;
        error(node, $"expected {what} (a mapping of keys), found {Describe(node)}");
        return null;
    }

    /// <summary>A list; with <paramref name="emptyIsEmptyList"/>, a key with nothing after it (<c>steps:</c>) is an empty list.</summary>
    public YamlSequenceNode? List(YamlNode node, string key, bool emptyIsEmptyList = false)
    {
        if (node is YamlSequenceNode seq) return seq;
        if (emptyIsEmptyList && node is YamlScalarNode { Value: null or "" }) return new YamlSequenceNode();
        error(node, $"'{key}' must be a list, found {Describe(node)}");
        return null;
    }

    /// <summary>How a node reads in an error message: "a mapping", "a list", "nothing", 'text'.</summary>
    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode { Value: null or "" } => "nothing",
        YamlScalarNode s => $"'{s.Value}'",
        _ => "an alias",
    };
}
