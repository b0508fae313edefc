using System.Collections.Immutable;
using System.Text;
using ImpClusterSim.Domain.Services;
using ImpClusterSim.Domain.Topology;
using ImpClusterSim.Pki;
using YamlDotNet.RepresentationModel;

namespace ImpClusterSim.Scenarios.Language;

/// <summary>deployment: topology (embedded, file or inline) and settings; cas.</summary>
internal sealed partial class ScenarioReader
{
    private static readonly string[] DeploymentKeys = ["topology", "settings"];
    private static readonly string[] SettingsKeys = ["timings", "network", "key-algorithm", "trust-deletion"];
    private static readonly string[] ServiceTimingKeys = ["start", "stop"];

    private ScenarioDeployment? ReadDeployment(YamlNode node)
    {
        if (Mapping(node, "'deployment'") is not { } map) return null;
        var f = Fields(map, "'deployment'", DeploymentKeys, ["topology"]);
        (string Source, Deployment? Topology)? topology = f.TryGetValue("topology", out var topoNode) ? ReadTopology(topoNode) : null;
        _deployment = topology?.Topology;
        var settings = f.TryGetValue("settings", out var settingsNode) ? ReadSettings(settingsNode) : ScenarioSettings.Default;
        return topology is { Topology: { } t } && settings is not null ? new ScenarioDeployment(topology.Value.Source, t, settings, Span(map)) : null;
    }

    private (string Source, Deployment? Topology)? ReadTopology(YamlNode node)
    {
        if (node is YamlMappingNode)
        {
            var (inline, errors) = TopologyLoader.TryParse(InlineText(node), file);
            foreach (var e in errors) _errors.Add(new ScenarioError(e.File, e.Line, e.Column, "topology: " + e.Message));
            return ("inline", inline);
        }

        if (Text(node, "topology") is not { } name) return null;
        if (TopologyLoader.EmbeddedNames.Contains(name)) return (name, TopologyLoader.LoadEmbedded(name));

        if (FindTopologyFile(name) is not { } path)
        {
            Error(node, $"topology '{name}' not found: it is not an embedded topology ({OneOf(TopologyLoader.EmbeddedNames)}), " +
                        "a file relative to the scenario, nor a file under configs/topologies/");
            return null;
        }

        if (!Domain.Input.InputFile.TryReadText(path, Domain.Input.InputFile.MaxTextBytes, out var yaml, out var readError))
        {
            Error(node, $"cannot read the topology file: {readError}");
            return null;
        }

        var (deployment, topologyErrors) = TopologyLoader.TryParse(yaml, path);
        if (topologyErrors.IsEmpty) return (path, deployment);
        _errors.AddRange(topologyErrors.Select(e => new ScenarioError(e.File, e.Line, e.Column, e.Message)));
        Error(node, $"the topology file '{path}' is not valid ({topologyErrors.Length} error{(topologyErrors.Length == 1 ? "" : "s")}, listed with its name)");
        return null;
    }

    /// <summary>
    /// The scenario's text with everything outside the inline topology blanked (newlines kept, other characters made
    /// spaces), so that TopologyLoader reports its errors at the scenario's own lines and columns.
    /// </summary>
    private string InlineText(YamlNode node)
    {
        var start = Offset(node.Start.Line, node.Start.Column);

        // A collection's own End mark is its start; take its last descendant's end, then the rest of that line
        // (closing brackets, a comment).
        var last = node.AllNodes.Select(n => n.End).MaxBy(m => (m.Line, m.Column))!;
        var lineEnd = text.IndexOf('\n', Math.Min(text.Length, Offset(last.Line, last.Column)));
        if (last.Column == 1) lineEnd = Offset(last.Line, 1); // a block scalar ends at the start of the next line
        var end = Math.Max(lineEnd < 0 ? text.Length : lineEnd, start);
        var builder = new StringBuilder(end);
        foreach (var c in text.AsSpan(0, start)) builder.Append(c is '\n' or '\r' ? c : ' ');
        builder.Append(text, start, end - start);
        return builder.ToString();
    }

    /// <summary>The character offset of a 1-based line and column, clamped to the text.</summary>
    private int Offset(long line, long column)
    {
        var offset = 0;
        for (var l = 1; l < line && offset < text.Length; l++)
        {
            var next = text.IndexOf('\n', offset);
            if (next < 0) return text.Length;
            offset = next + 1;
        }

        return (int)Math.Min(text.Length, offset + Math.Max(0, column - 1));
    }

    /// <summary>Relative to the scenario's folder, then configs/topologies/ in it or any folder above it.</summary>
    private string? FindTopologyFile(string name)
    {
        var candidates = new List<string> { Path.Combine(baseDirectory, name) };
        for (var dir = new DirectoryInfo(baseDirectory); dir is not null; dir = dir.Parent)
        {
            candidates.Add(Path.Combine(dir.FullName, "configs", "topologies", name));
            candidates.Add(Path.Combine(dir.FullName, "configs", "topologies", name + ".yaml"));
        }

        return candidates.FirstOrDefault(File.Exists);
    }

    private ScenarioSettings? ReadSettings(YamlNode node)
    {
        if (Mapping(node, "'settings'") is not { } map) return null;
        var f = Fields(map, "'settings'", SettingsKeys, []);
        var ok = true;

        var key = KeyAlgorithm.Rsa2048;
        if (f.TryGetValue("key-algorithm", out var keyNode))
        {
            if (ChoiceValue(keyNode, "key-algorithm", ScenarioVocabulary.KeyAlgorithms) is { } k) key = CertificateWords.Key(k);
            else ok = false;
        }

        var deletion = Domain.Replication.TrustDeletionScope.PerNode;
        if (f.TryGetValue("trust-deletion", out var deletionNode))
        {
            if (ChoiceValue(deletionNode, "trust-deletion", ScenarioVocabulary.TrustDeletionScopes) is { } d)
                deletion = d == "cluster" ? Domain.Replication.TrustDeletionScope.Cluster : Domain.Replication.TrustDeletionScope.PerNode;
            else ok = false;
        }

        var timings = Timings.Default;
        if (f.TryGetValue("timings", out var timingsNode))
        {
            if (ReadTimings(timingsNode) is { } t) timings = t;
            else ok = false;
        }

        var network = NetworkDefaults.Default;
        if (f.TryGetValue("network", out var networkNode))
        {
            var a = ReadArgs(ScenarioVocabulary.NetworkSettings, networkNode, networkNode, "'network'", false);
            if (a.Ok) network = new NetworkDefaults(a.Range("latency"), a.OptText("distribution"), a.Probability("loss"), a.Probability("duplication"), a.Probability("reorder"));
            else ok = false;
        }

        return ok ? new ScenarioSettings(timings, network, key, deletion) : null;
    }

    private Timings? ReadTimings(YamlNode node)
    {
        if (node is not YamlMappingNode map)
        {
            Error(node, $"expected 'timings' (a mapping of keys), found {Describe(node)}");
            return null;
        }

        // 'services' is a mapping keyed by display name, so it is read apart from the generic arguments.
        var services = ImmutableDictionary.CreateBuilder<string, ServiceTimings>(StringComparer.Ordinal);
        var ok = true;
        var rest = new YamlMappingNode();
        foreach (var (k, v) in map.Children)
        {
            if (k is YamlScalarNode { Value: "services" })
            {
                if (ReadServiceTimings(v, services) is false) ok = false;
            }
            else rest.Add(k, v);
        }

        var a = ReadArgs(ScenarioVocabulary.TimingSettings, node, rest.Children.Count == 0 ? new YamlMappingNode() : rest, "'timings'", false);
        if (!a.Ok || !ok) return null;
        return new Timings(a.OptTime("icsa-interval"), a.OptTime("icsa-retry"), a.Range("replication-delay"), a.OptTime("peer-status-refresh"), services.ToImmutable(),
            a.OptTime("certificate-change-check"));
    }

    private bool ReadServiceTimings(YamlNode node, ImmutableDictionary<string, ServiceTimings>.Builder services)
    {
        if (Mapping(node, "'services' (service display names, each with start and stop ranges)") is not { } map) return false;
        var ok = true;
        foreach (var (k, v) in map.Children)
        {
            if (ServiceValue(k, "services") is not { } service) { ok = false; continue; }
            if (Mapping(v, $"'{service}' (keys start and stop)") is not { } times) { ok = false; continue; }
            var f = Fields(times, $"'{service}'", ServiceTimingKeys, []);
            DurationRange? start = null, stop = null;
            if (f.TryGetValue("start", out var s) && (start = RangeValue(s, "start")) is null) ok = false;
            if (f.TryGetValue("stop", out var t) && (stop = RangeValue(t, "stop")) is null) ok = false;
            services[service] = new ServiceTimings(start, stop);
        }

        return ok;
    }

    private ImmutableArray<CaSpec> ReadCas(YamlNode node)
    {
        if (List(node, "cas") is not { } list) return [];
        var result = ImmutableArray.CreateBuilder<CaSpec>();
        foreach (var item in list.Children)
        {
            if (Mapping(item, "a CA") is not { } map) continue;
            var a = ReadArgs(ScenarioVocabulary.CaSettings, item, map, "a CA", false);
            if (a.Has("name") && _cas.ContainsKey(a.Text("name")))
            {
                Error(a.Node("name")!, $"duplicate CA name '{a.Text("name")}' (first at line {_cas[a.Text("name")].Span.Line})");
                continue;
            }

            var defects = ImmutableArray<CaDefect>.Empty;
            if (a.Has("faults"))
            {
                var words = a.Get<ImmutableArray<string>>("faults");
                defects = [.. words.Select(w => w switch
                {
                    "expired" => CaDefect.Expired,
                    "not-yet-valid" => CaDefect.NotYetValid,
                    "sha1" => CaDefect.Sha1,
                    _ => CaDefect.WeakKey,
                })];
            }

            if (!a.Ok) continue;
            var name = a.Text("name");
            var ca = new CaSpec(
                name,
                a.OptText("subject") ?? name,
                a.OptText("signed-by"),
                a.Count("path-length"),
                a.Has("key") ? CertificateWords.Key(a.Text("key")) : KeyAlgorithm.Rsa2048,
                a.OptTime("validity") ?? TimeSpan.FromDays(3650),
                defects,
                Span(map));
            if (ca.SignedBy is { } signer && _cas[signer].PathLength is 0)
                Error(a.Node("signed-by")!, $"CA '{signer}' has path-length 0: it cannot sign another CA");
            else
            {
                _cas[name] = ca;
                result.Add(ca);
            }
        }

        return result.ToImmutable();
    }
}
