using System.Globalization;
using ImpClusterSim.Domain.Time;
using YamlDotNet.RepresentationModel;

namespace ImpClusterSim.Scenarios.Chaos;

/// <summary>
/// Writes the scenario a chaos run plays: the base scenario's YAML with the run's seed, the generated faults appended to
/// its own, and the chaos checks appended to its expectations (docs/chaos.md, "Checks"). What a chaos run plays is this
/// text, parsed by the scenario language like any file, so the file the shrinker writes replays with <c>impsim run</c>
/// exactly as the run it came from.
/// </summary>
public static class ChaosScenarioText
{
    /// <summary>The names of the checks every chaos run adds (also used to tell them from the scenario's own).</summary>
    public const string SecureName = "chaos: secure only with a validating chain";
    public const string FipsName = "chaos: no FIPS/non-FIPS certificate exchange";
    public const string AcknowledgedName = "chaos: no acknowledged change lost";
    public const string ConvergedName = "chaos: converged after the quiet period";

    /// <summary>
    /// The scenario text for <paramref name="seed"/> with <paramref name="faults"/>; <paramref name="horizon"/> is the
    /// run's end (the liveness check is at it), <paramref name="header"/> comment lines go first.
    /// </summary>
    public static string Compose(string baseYaml, ulong seed, TimeSpan horizon, IEnumerable<ScheduledFault> faults, IEnumerable<string>? header = null)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(baseYaml));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        Set(root, "seed", new YamlScalarNode(seed.ToString(CultureInfo.InvariantCulture)));
        Set(root, "until", new YamlScalarNode(DurationText.Format(horizon)));

        var faultList = Sequence(root, "faults");
        foreach (var f in faults) faultList.Add(Node(f.ToYaml()));
        if (faultList.Children.Count == 0) root.Children.Remove(new YamlScalarNode("faults"));

        var expect = Sequence(root, "expect");
        expect.Add(Node($"{{ name: \"{SecureName}\", always: true, secure-peers-when-trusted: {{}} }}"));
        expect.Add(Node($"{{ name: \"{FipsName}\", always: true, no-fips-mismatch-exchange: {{}} }}"));
        expect.Add(Node($"{{ name: \"{AcknowledgedName}\", always: true, acknowledged-changes-kept: {{}} }}"));
        expect.Add(Node($"{{ name: \"{ConvergedName}\", at: {DurationText.Format(horizon)}, converged: {{}} }}"));

        return Save(stream, (header ?? []).Select(line => "# " + CommentText(line)));
    }

    /// <summary>The document as text after <paramref name="commentLines"/> (each written as given, '#' included).</summary>
    private static string Save(YamlStream stream, IEnumerable<string> commentLines)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        foreach (var line in commentLines) writer.WriteLine(line);
        stream.Save(writer, assignAnchors: false);
        var text = writer.ToString();
        // YamlDotNet ends a saved document with "..." (document end): harmless, but not what people write.
        return text.EndsWith("...\n", StringComparison.Ordinal) ? text[..^4] : text;
    }

    /// <summary>
    /// The shrunk scenario <paramref name="yaml"/> (written by <see cref="Compose"/>), moved from the base scenario's folder
    /// <paramref name="fromDirectory"/> (null: an embedded scenario, nothing to move) to <paramref name="toDirectory"/>:
    /// every file the scenario names relative to its folder (the deployment's <c>topology</c>, a step's <c>file</c>) is
    /// named relative to the new folder, so that <c>impsim run</c> on the written file finds them. Header comments are kept.
    /// </summary>
    public static string Relocate(string yaml, string? fromDirectory, string toDirectory)
    {
        if (fromDirectory is null || Path.GetFullPath(fromDirectory) == Path.GetFullPath(toDirectory)) return yaml;
        var lines = yaml.Split('\n');
        var headerLines = lines.TakeWhile(l => l.StartsWith('#')).Count();
        var stream = new YamlStream();
        stream.Load(new StringReader(string.Join('\n', lines.Skip(headerLines))));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var moved = false;
        if (root.Children.TryGetValue(new YamlScalarNode("deployment"), out var deployment))
            moved |= MovePaths(deployment, "topology", fromDirectory, toDirectory);
        if (root.Children.TryGetValue(new YamlScalarNode("steps"), out var steps))
            moved |= MovePaths(steps, "file", fromDirectory, toDirectory);
        return moved ? Save(stream, lines.Take(headerLines)) : yaml;
    }

    /// <summary>Rewrites, anywhere under <paramref name="node"/>, each <paramref name="key"/> whose value is a file found relative to <paramref name="from"/>.</summary>
    private static bool MovePaths(YamlNode node, string key, string from, string to)
    {
        var moved = false;
        switch (node)
        {
            case YamlMappingNode map:
                foreach (var (k, v) in map.Children.ToArray())
                {
                    if (k is YamlScalarNode { Value: { } name } && name == key && v is YamlScalarNode { Value: { Length: > 0 } path }
                        && !Path.IsPathRooted(path) && File.Exists(Path.Combine(from, path)))
                    {
                        map.Children[k] = new YamlScalarNode(Path.GetRelativePath(to, Path.GetFullPath(Path.Combine(from, path))));
                        moved = true;
                    }
                    else moved |= MovePaths(v, key, from, to);
                }
                break;
            case YamlSequenceNode list:
                foreach (var item in list.Children) moved |= MovePaths(item, key, from, to);
                break;
        }
        return moved;
    }

    /// <summary>A header line as one comment line: control characters (a newline in a file name) written as escapes.</summary>
    public static string CommentText(string line)
    {
        if (!line.Any(char.IsControl)) return line;
        var text = new System.Text.StringBuilder(line.Length + 8);
        foreach (var c in line)
            text.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        return text.ToString();
    }

    private static void Set(YamlMappingNode root, string key, YamlNode value) => root.Children[new YamlScalarNode(key)] = value;

    private static YamlSequenceNode Sequence(YamlMappingNode root, string key)
    {
        if (root.Children.TryGetValue(new YamlScalarNode(key), out var existing) && existing is YamlSequenceNode list) return list;
        var created = new YamlSequenceNode();
        root.Children[new YamlScalarNode(key)] = created;
        return created;
    }

    private static YamlNode Node(string flow)
    {
        var s = new YamlStream();
        s.Load(new StringReader(flow));
        return s.Documents[0].RootNode;
    }
}
