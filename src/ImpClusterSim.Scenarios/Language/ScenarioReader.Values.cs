using ImpClusterSim.Domain.Text;
using System.Collections.Immutable;
using ImpClusterSim.Domain.Services;
using ImpClusterSim.Domain.Time;
using YamlDotNet.RepresentationModel;

namespace ImpClusterSim.Scenarios.Language;

/// <summary>Typed values, arguments and targets.</summary>
internal sealed partial class ScenarioReader
{
    private static readonly string[] TargetKeys = ["node", "nodes", "cluster", "publisher-of"];

    private string? Text(YamlNode node, string key)
    {
        if (node is YamlScalarNode { Value: { Length: > 0 } value }) return value;
        Error(node, $"'{key}' must be a non-empty text value, found {Describe(node)}");
        return null;
    }

    /// <summary>A duration in the range of its key (<see cref="ValueRanges.ForDuration"/>).</summary>
    private TimeSpan? DurationValue(YamlNode node, string key)
    {
        if (Text(node, key) is not { } t) return null;
        if (ValueText.TryDuration(key, t, ValueRanges.ForDuration(key), out var d, out var error)) return d;
        Error(node, error);
        return null;
    }

    private TimeSpan? SignedDurationValue(YamlNode node, string key)
    {
        if (Text(node, key) is not { } t) return null;
        if (ValueText.TrySignedDuration(key, t, ValueRanges.ForDuration(key), out var d, out var error)) return d;
        Error(node, error);
        return null;
    }

    private DurationRange? RangeValue(YamlNode node, string key)
    {
        if (Text(node, key) is not { } t) return null;
        if (ValueText.TryRange(key, t, ValueRanges.ForDuration(key), out var r, out var error)) return r;
        Error(node, error);
        return null;
    }

    private bool? BoolValue(YamlNode node, string key)
    {
        if (node is YamlScalarNode { Value: "true" }) return true;
        if (node is YamlScalarNode { Value: "false" }) return false;
        Error(node, $"'{key}' must be true or false, found {Describe(node)}");
        return null;
    }

    private int? CountValue(YamlNode node, string key)
    {
        if (Text(node, key) is not { } t) return null;
        if (ValueText.TryCount(key, t, ValueRanges.ForCount(key), out var n, out var error)) return n;
        Error(node, error);
        return null;
    }

    private double? ProbabilityValue(YamlNode node, string key)
    {
        if (Text(node, key) is not { } t) return null;
        if (ValueText.TryProbability(key, t, out var p, out var error)) return p;
        Error(node, error);
        return null;
    }

    private string? ChoiceValue(YamlNode node, string key, ImmutableArray<string> values)
    {
        if (Text(node, key) is not { } t) return null;
        if (values.Contains(t)) return t;
        var near = Spelling.Nearest(t, values);
        Error(node, near is not null && string.Equals(near, t, StringComparison.OrdinalIgnoreCase)
            ? $"'{key}': '{t}' is not valid; did you mean '{near}'? (names are case-sensitive)"
            : $"'{key}': '{t}' is not valid{Spelling.DidYouMean(t, values)}; expected one of: {OneOf(values)}");
        return null;
    }

    private object? ChoiceListValue(YamlNode node, string key, ImmutableArray<string> values)
    {
        var items = node is YamlSequenceNode seq ? seq.Children.ToList() : [node];
        var words = items.Select(i => ChoiceValue(i, key, values)).ToList();
        return words.All(w => w is not null) ? ImmutableArray.CreateRange(words.Select(w => w!)) : null;
    }

    private string? ServiceValue(YamlNode node, string key)
    {
        if (Text(node, key) is not { } t) return null;
        var names = ServiceCatalogue.Default.Definitions.Select(d => d.Name).Distinct().ToList();
        if (names.Contains(t, StringComparer.Ordinal)) return t;
        var near = Spelling.Nearest(t, names);
        Error(node, near is not null
            ? $"unknown service '{t}'; did you mean '{near}'? (write the exact display name)"
            : $"unknown service '{t}'; known services: {OneOf(names)}");
        return null;
    }

    private string? CaValue(YamlNode node, string key)
    {
        if (Text(node, key) is not { } t) return null;
        if (_cas.ContainsKey(t)) return t;
        Error(node, _cas.Count == 0
            ? $"unknown CA '{t}': no CA is declared under 'cas' (before this point)"
            : $"unknown CA '{t}'{Spelling.DidYouMean(t, _cas.Keys)}; declared: {OneOf(_cas.Keys)}");
        return null;
    }

    /// <summary>Resolves a node name; null (with an error) when unknown. Without a valid topology, any name passes.</summary>
    private string? NodeValue(YamlNode node, string key)
    {
        if (Text(node, key) is not { } t) return null;
        if (_deployment is null || _deployment.FindNode(t) is not null) return t;
        var cluster = ClusterNodes(t) is not null ? $" ('{t}' is a cluster; use 'cluster: {t}' or 'publisher-of: {t}')" : "";
        var near = cluster.Length == 0 ? Spelling.DidYouMean(t, _deployment.Nodes.Select(n => n.Name)) : "";
        Error(node, $"unknown node '{t}'{cluster}{near}; nodes of the deployment: {OneOf(_deployment.Nodes.Select(n => n.Name))}");
        return null;
    }

    private string? ClusterValue(YamlNode node, string key)
    {
        if (Text(node, key) is not { } t) return null;
        if (_deployment is null || ClusterNodes(t) is not null) return t;
        Error(node, $"unknown cluster '{t}'{Spelling.DidYouMean(t, ClusterNames())}; clusters of the deployment: {OneOf(ClusterNames())}");
        return null;
    }

    /// <summary>An IM&amp;P cluster named directly or through its publisher; returns the cluster's name.</summary>
    private string? PeerValue(YamlNode node, string key)
    {
        if (Text(node, key) is not { } t) return null;
        if (_deployment is null) return t;
        if (_deployment.ImpClusters.FirstOrDefault(c => c.Name == t) is { } byName) return byName.Name;
        if (_deployment.ImpClusters.FirstOrDefault(c => c.Publisher.Name == t) is { } byPublisher) return byPublisher.Name;
        var hint = _deployment.FindNode(t) is { } n ? $" ('{t}' is a {(n.IsImp ? "subscriber" : "CUCM node")}; a peer is an IM&P cluster or its publisher)" : "";
        Error(node, $"'{key}': unknown IM&P cluster or publisher '{t}'{hint}; IM&P clusters: {OneOf(_deployment.ImpClusters.Select(c => c.Name))}");
        return null;
    }

    private Endpoints? EndpointsValue(YamlNode node, string key)
    {
        var items = node is YamlSequenceNode seq ? seq.Children.ToList() : [node];
        if (items.Count == 0)
        {
            Error(node, $"'{key}' must name at least one node or cluster");
            return null;
        }

        var names = ImmutableArray.CreateBuilder<string>();
        var nodes = new List<string>();
        var ok = true;
        foreach (var item in items)
        {
            if (Text(item, key) is not { } t) { ok = false; continue; }
            names.Add(t);
            if (_deployment is null) continue;
            if (_deployment.FindNode(t) is not null) nodes.Add(t);
            else if (ClusterNodes(t) is { } members) nodes.AddRange(members);
            else
            {
                Error(item, $"'{key}': unknown node or cluster '{t}'; clusters: {OneOf(ClusterNames())}");
                ok = false;
            }
        }

        return ok ? new Endpoints(names.ToImmutable(), [.. nodes.Distinct()], Span(node)) : null;
    }

    private ImmutableDictionary<string, string>? TextMapValue(YamlNode node, string key)
    {
        if (Mapping(node, $"'{key}'") is not { } map) return null;
        var result = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var ok = true;
        foreach (var (k, v) in map.Children)
        {
            if (k is not YamlScalarNode { Value: { Length: > 0 } name }) { Error(k, $"a key in '{key}' must be a plain name"); ok = false; continue; }
            if (v is not YamlScalarNode { Value: { } value }) { Error(v, $"'{key}.{name}' must be a text value, found {Describe(v)}"); ok = false; continue; }
            result[name] = value;
        }

        return ok ? result.ToImmutable() : null;
    }

    private IEnumerable<string> ClusterNames() =>
        _deployment is null ? [] : _deployment.ImpClusters.Select(c => c.Name).Concat(_deployment.CucmClusters.Select(c => c.Name));

    /// <summary>The nodes of a cluster (IM&amp;P or CUCM) by name, or null.</summary>
    private ImmutableArray<string>? ClusterNodes(string name)
    {
        if (_deployment is null) return null;
        if (_deployment.ImpClusters.FirstOrDefault(c => c.Name == name) is { } imp) return [.. imp.Nodes.Select(n => n.Name)];
        if (_deployment.CucmClusters.FirstOrDefault(c => c.Name == name) is { } cucm) return [.. cucm.Nodes.Select(n => n.Name)];
        return null;
    }

    private string? PublisherOf(string cluster) =>
        _deployment?.ImpClusters.FirstOrDefault(c => c.Name == cluster)?.Publisher.Name
        ?? _deployment?.CucmClusters.FirstOrDefault(c => c.Name == cluster)?.Publisher.Name;

    /// <summary>Converts one argument by its declared type; null (with an error) when it is not valid.</summary>
    private object? ArgValue(ArgSpec arg, YamlNode node) => arg.Type switch
    {
        ArgType.Text => Text(node, arg.Key),
        ArgType.Duration => DurationValue(node, arg.Key),
        ArgType.SignedDuration => SignedDurationValue(node, arg.Key),
        ArgType.DurationRange => RangeValue(node, arg.Key),
        ArgType.Bool => BoolValue(node, arg.Key),
        ArgType.Count => CountValue(node, arg.Key),
        ArgType.Probability => ProbabilityValue(node, arg.Key),
        ArgType.Choice => ChoiceValue(node, arg.Key, arg.Values),
        ArgType.ChoiceList => ChoiceListValue(node, arg.Key, arg.Values),
        ArgType.Node => NodeValue(node, arg.Key),
        ArgType.Endpoints => EndpointsValue(node, arg.Key),
        ArgType.Cluster => ClusterValue(node, arg.Key),
        ArgType.Peer => PeerValue(node, arg.Key),
        ArgType.Ca => CaValue(node, arg.Key),
        ArgType.Service => ServiceValue(node, arg.Key),
        ArgType.TextMap => TextMapValue(node, arg.Key),
        _ => throw new ArgumentOutOfRangeException(nameof(arg)),
    };

    /// <summary>
    /// Reads the value of a kind's key: a mapping of arguments, a scalar standing for the primary argument, or nothing
    /// for a kind without required arguments. <paramref name="outerTarget"/> holds target keys found beside the kind
    /// (steps); targets inside the mapping are read for kinds that take one (conditions).
    /// </summary>
    private ArgValues ReadArgs(KindSpec spec, YamlNode keyNode, YamlNode value, string what, bool targetInside)
    {
        var args = new ArgValues(spec, Span(keyNode));
        var fields = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var targetFields = new List<(string Key, YamlNode KeyNode, YamlNode Value)>();

        if (value is YamlMappingNode map)
        {
            var allowed = spec.Args.Select(a => a.Key).Concat(targetInside && spec.Target != TargetUse.None ? TargetKeys : []).ToList();
            foreach (var (k, v) in map.Children)
            {
                if (k is not YamlScalarNode { Value: { } key }) { Error(k, $"a key in '{spec.Name}' must be a plain name, found {Describe(k)}"); args.Ok = false; continue; }
                if (targetInside && spec.Target != TargetUse.None && TargetKeys.Contains(key)) { targetFields.Add((key, k, v)); continue; }
                if (spec.Arg(key) is null)
                {
                    Error(k, allowed.Count == 0
                        ? $"unknown key '{key}' in '{spec.Name}', which takes no arguments"
                        : $"unknown key '{key}' in '{spec.Name}'{Spelling.DidYouMean(key, allowed)}; expected one of: {OneOf(allowed)}");
                    args.Ok = false;
                    continue;
                }

                fields[key] = v;
            }
        }
        else if (value is YamlScalarNode scalar && !IsEmpty(scalar) && spec.Primary is { } primary)
        {
            fields[primary] = value;
        }
        else if (value is YamlScalarNode nodeName && !IsEmpty(nodeName) && targetInside && spec.Target != TargetUse.None
                 && !spec.Args.Any(a => a.Required))
        {
            targetFields.Add(("node", keyNode, value)); // node-up: imp-a-pub
        }
        else if (!IsEmpty(value) || spec.Args.Any(a => a.Required))
        {
            var keys = OneOf(spec.Args.Select(a => a.Required ? a.Key : a.Key + "?"));
            Error(value, spec.Primary is null && spec.Args.Length == 0
                ? $"'{spec.Name}' takes no arguments; write '{spec.Name}: {{}}' or leave it empty, found {Describe(value)}"
                : $"'{spec.Name}' needs a mapping of arguments ({keys}){(spec.Primary is null ? "" : $" or a single value for '{spec.Primary}'")}, found {Describe(value)}");
            args.Ok = false;
            return args;
        }

        foreach (var arg in spec.Args)
        {
            if (!fields.TryGetValue(arg.Key, out var node))
            {
                if (arg.Required)
                {
                    Error(value is YamlMappingNode ? value : keyNode, $"'{spec.Name}' is missing the argument '{arg.Key}' ({arg.Description})");
                    args.Ok = false;
                }

                continue;
            }

            if (ArgValue(arg, node) is { } typed) args.Set(arg.Key, typed, node);
            else args.Ok = false;
        }

        if (targetInside && spec.Target != TargetUse.None)
        {
            args.Target = ReadTarget(targetFields, spec, value is YamlMappingNode ? value : keyNode, out var targetOk);
            if (!targetOk) args.Ok = false;
        }

        return args;
    }

    /// <summary>Reads node / nodes / cluster / publisher-of; exactly one when the kind requires a target.</summary>
    private Target? ReadTarget(List<(string Key, YamlNode KeyNode, YamlNode Value)> fields, KindSpec spec, YamlNode at, out bool ok)
    {
        ok = true;
        if (spec.Target == TargetUse.None)
        {
            foreach (var f in fields) Error(f.KeyNode, $"'{spec.Name}' takes no target; remove '{f.Key}'");
            ok = fields.Count == 0;
            return null;
        }

        if (fields.Count == 0)
        {
            if (spec.Target == TargetUse.Required)
            {
                Error(at, $"'{spec.Name}' needs a target: one of node, nodes, cluster or publisher-of");
                ok = false;
            }

            return null;
        }

        foreach (var extra in fields.Skip(1))
        {
            Error(extra.KeyNode, $"give only one target; '{extra.Key}' comes after '{fields[0].Key}'");
            ok = false;
        }

        var (key, keyNode, value) = fields[0];
        var span = Span(keyNode);
        switch (key)
        {
            case "node":
                if (NodeValue(value, key) is { } n) return new Target(TargetKind.Node, [n], [n], span);
                break;
            case "nodes":
                if (List(value, key) is not { } list) break;
                if (list.Children.Count == 0) { Error(value, "'nodes' must list at least one node"); break; }
                var names = list.Children.Select(c => NodeValue(c, key)).ToList();
                if (names.All(x => x is not null)) return new Target(TargetKind.Nodes, [.. names!], [.. names.Distinct()!], span);
                break;
            case "cluster":
                if (ClusterValue(value, key) is { } c) return new Target(TargetKind.Cluster, [c], ClusterNodes(c) ?? [], span);
                break;
            default:
                if (ClusterValue(value, key) is { } p)
                    return new Target(TargetKind.PublisherOf, [p], PublisherOf(p) is { } pub ? [pub] : [], span);
                break;
        }

        ok = false;
        return null;
    }
}
