using ImpClusterSim.Domain.Input;
using System.Collections.Immutable;
using System.Reflection;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ImpClusterSim.Domain.Topology;

/// <summary>
/// Reads a deployment from YAML (schema in docs/domain.md). An invalid topology is refused with a
/// <see cref="TopologyException"/> that lists every problem found, each at its file:line:column.
/// </summary>
public static class TopologyLoader
{
    /// <summary>Names of the embedded topologies (copies of configs/topologies/*.yaml).</summary>
    public static readonly ImmutableArray<string> EmbeddedNames = ["default", "two-clusters", "lab"];

    public static Deployment LoadDefault() => LoadEmbedded("default");

    /// <summary>Loads an embedded topology by name ("default", "two-clusters", "lab").</summary>
    public static Deployment LoadEmbedded(string name)
    {
        var resource = $"ImpClusterSim.Domain.Topology.{name}.yaml";
        using var stream = typeof(TopologyLoader).Assembly.GetManifestResourceStream(resource)
            ?? throw new ArgumentException($"no embedded topology '{name}'; known: {string.Join(", ", EmbeddedNames)}", nameof(name));
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), $"{name}.yaml");
    }

    /// <summary>Reads a topology file. The only I/O of the domain.</summary>
    public static Deployment LoadFile(string path) =>
        InputFile.TryReadText(path, InputFile.MaxTextBytes, out var text, out var error)
            ? Parse(text, path)
            : throw new TopologyException([new TopologyError(path, 1, 1, "cannot read the topology file: " + error)]);

    /// <summary>Parses YAML text; <paramref name="file"/> is only used in error locations.</summary>
    public static Deployment Parse(string yaml, string file = "<topology>")
    {
        var (deployment, errors) = TryParse(yaml, file);
        return errors.IsEmpty ? deployment! : throw new TopologyException(errors);
    }

    /// <summary>Parses YAML text without throwing: either a deployment and no errors, or null and every error.</summary>
    public static (Deployment? Deployment, ImmutableArray<TopologyError> Errors) TryParse(string yaml, string file = "<topology>")
    {
        yaml = InputText.Normalize(yaml);
        if (YamlBounds.Check(yaml) is { } bound) return (null, [new TopologyError(file, bound.Line, bound.Column, bound.Message)]);
        var stream = new YamlStream();
        var parser = new TrackingParser(yaml);
        try
        {
            stream.Load(parser);
        }
        catch (ArgumentException e) when (e is not ArgumentNullException && e.ParamName == "parser")
        {
            return (null, [new TopologyError(file, parser.Position.Line, parser.Position.Column, TrackingParser.UnsupportedStructure)]);
        }
        catch (YamlException e)
        {
            // The representation model refuses a repeated key while loading; report it plainly, with the key.
            return (null, [new TopologyError(file, (int)e.Start.Line, (int)e.Start.Column, Input.YamlErrorText.Describe(e))]);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this (without a position) when the text ends inside an unclosed flow collection.
            var lastLine = Math.Max(1, yaml.TrimEnd('\n', '\r').Split('\n').Length);
            return (null, [new TopologyError(file, lastLine, 1, "YAML syntax error: the file ends inside an unclosed '[', '{' or quote")]);
        }

        if (stream.Documents.Count == 0)
            return (null, [new TopologyError(file, 1, 1, "the topology file is empty; expected keys 'cucm-clusters' and 'imp-clusters'")]);

        var reader = new TopologyReader(file);
        var deployment = reader.Read(stream.Documents[0].RootNode);
        var errors = reader.Errors.OrderBy(e => e.Line).ThenBy(e => e.Column).ToImmutableArray();
        return errors.IsEmpty ? (deployment, errors) : (null, errors);
    }
}
