using ImpClusterSim.Domain.Input;
using System.Collections.Immutable;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ImpClusterSim.Scenarios.Language;

/// <summary>
/// Reads and validates a scenario (docs/scenarios.md). Either a scenario and no errors, or null and every error found,
/// each at its file:line:column, in file order: nothing runs until a scenario is wholly valid.
/// </summary>
public static class ScenarioLoader
{
    /// <summary>Reads a scenario file; topology and banner paths in it are relative to its folder.</summary>
    public static (Scenario? Scenario, ImmutableArray<ScenarioError> Errors) Load(string path)
    {
        var (text, errors) = ReadFile(path);
        return text is null ? (null, errors) : Parse(text, path, Path.GetDirectoryName(Path.GetFullPath(path)));
    }

    /// <summary>
    /// A scenario file's text, read as <see cref="Load"/> reads it: a regular file of at most
    /// <see cref="InputFile.MaxTextBytes"/> (never a FIFO, a device or a directory, never read without end); or null and
    /// the error saying why.
    /// </summary>
    public static (string? Text, ImmutableArray<ScenarioError> Errors) ReadFile(string path) =>
        InputFile.TryReadText(path, InputFile.MaxTextBytes, out var text, out var error)
            ? (text, [])
            : (null, [new ScenarioError(path, 1, 1, $"cannot read the scenario file: {error}")]);

    /// <summary>
    /// Parses scenario text; <paramref name="file"/> is used in error locations and <paramref name="baseDirectory"/>
    /// (default: the current directory) to find topology files.
    /// </summary>
    public static (Scenario? Scenario, ImmutableArray<ScenarioError> Errors) Parse(string yaml, string file = "<scenario>", string? baseDirectory = null)
    {
        yaml = InputText.Normalize(yaml);
        if (YamlBounds.Check(yaml) is { } bound) return (null, [new ScenarioError(file, bound.Line, bound.Column, bound.Message)]);
        var stream = new YamlStream();
        var parser = new TrackingParser(yaml);
        try
        {
            stream.Load(parser);
        }
        catch (ArgumentException e) when (e is not ArgumentNullException && e.ParamName == "parser")
        {
            return (null, [new ScenarioError(file, parser.Position.Line, parser.Position.Column, TrackingParser.UnsupportedStructure)]);
        }
        catch (YamlException e)
        {
            return (null, [new ScenarioError(file, (int)e.Start.Line, (int)e.Start.Column, Domain.Input.YamlErrorText.Describe(e))]);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this (without a position) when the text ends inside an unclosed flow collection.
            var lastLine = Math.Max(1, yaml.TrimEnd('\n', '\r').Split('\n').Length);
            return (null, [new ScenarioError(file, lastLine, 1, "YAML syntax error: the file ends inside an unclosed '[', '{' or quote")]);
        }

        if (stream.Documents.Count == 0)
            return (null, [new ScenarioError(file, 1, 1, "the scenario file is empty; expected at least the keys 'name' and 'deployment'")]);
        if (stream.Documents.Count > 1)
        {
            var second = stream.Documents[1].RootNode;
            return (null, [new ScenarioError(file, (int)second.Start.Line, (int)second.Start.Column, "a scenario file holds one YAML document; found a second one")]);
        }

        var reader = new ScenarioReader(file, yaml, baseDirectory ?? Directory.GetCurrentDirectory());
        var scenario = reader.Read(stream.Documents[0].RootNode);
        var errors = reader.Errors
            .Distinct()
            .OrderBy(e => e.File == file ? 1 : 0).ThenBy(e => e.File, StringComparer.Ordinal)
            .ThenBy(e => e.Line).ThenBy(e => e.Column)
            .ToImmutableArray();
        return errors.IsEmpty ? (scenario, errors) : (null, errors);
    }
}
