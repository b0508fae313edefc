using System.Collections.Immutable;
using System.Text.RegularExpressions;
using ImpClusterSim.Domain.Yaml;
using YamlDotNet.RepresentationModel;

namespace ImpClusterSim.Domain.Topology;

/// <summary>Walks the YAML representation model, collecting every error with its position instead of stopping.</summary>
internal sealed partial class TopologyReader(string file)
{
    private static readonly string[] RootKeys = ["description", "cucm-clusters", "imp-clusters"];
    private static readonly string[] CucmClusterKeys = ["name", "nodes"];
    private static readonly string[] ImpClusterKeys = ["name", "cucm-cluster", "domain", "nodes", "subclusters"];
    private static readonly string[] CucmNodeKeys = ["name", "fqdn", "ip", "role", "tftp"];
    private static readonly string[] ImpNodeKeys = ["name", "fqdn", "ip", "role", "federation"];
    private static readonly string[] SubclusterKeys = ["name", "nodes"];

    private readonly List<TopologyError> _errors = [];
    private YamlShape? _shape;
    private readonly Dictionary<string, YamlNode> _nodeNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, YamlNode> _fqdns = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, YamlNode> _ips = new(StringComparer.Ordinal);
    private readonly Dictionary<string, YamlNode> _clusterNames = new(StringComparer.Ordinal);
    private readonly List<(string ImpCluster, string CucmCluster, YamlNode At)> _cucmReferences = [];

    public IReadOnlyList<TopologyError> Errors => _errors;

    [GeneratedRegex("^[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex HostName();

    [GeneratedRegex("^(?=.{1,253}$)(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex DomainName();

    [GeneratedRegex("^(0|[1-9][0-9]{0,2})\\.(0|[1-9][0-9]{0,2})\\.(0|[1-9][0-9]{0,2})\\.(0|[1-9][0-9]{0,2})$", RegexOptions.CultureInvariant)]
    private static partial Regex DottedQuad();

    public Deployment? Read(YamlNode root)
    {
        if (root is not YamlMappingNode map)
        {
            Error(root, $"the topology must be a mapping with keys 'cucm-clusters' and 'imp-clusters', found {Describe(root)}");
            return null;
        }

        var fields = Fields(map, "the topology", RootKeys, ["cucm-clusters", "imp-clusters"]);
        if (fields.TryGetValue("description", out var description)) Text(description, "description");

        var cucm = ImmutableArray.CreateBuilder<CucmCluster>();
        var imp = ImmutableArray.CreateBuilder<ImpCluster>();
        if (fields.TryGetValue("cucm-clusters", out var cucmNode) && List(cucmNode, "cucm-clusters") is { } cucmList)
        {
            foreach (var item in cucmList.Children)
                if (ReadCucmCluster(item) is { } c) cucm.Add(c);
        }

        if (fields.TryGetValue("imp-clusters", out var impNode) && List(impNode, "imp-clusters") is { } impList)
        {
            foreach (var item in impList.Children)
                if (ReadImpCluster(item) is { } c) imp.Add(c);
        }

        var cucmNames = cucm.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (impCluster, cucmCluster, at) in _cucmReferences)
        {
            if (!cucmNames.Contains(cucmCluster))
            {
                var known = cucmNames.Count == 0 ? "none is defined" : "defined: " + string.Join(", ", cucm.Select(c => c.Name));
                Error(at, $"IM&P cluster '{impCluster}' refers to CUCM cluster '{cucmCluster}', which is not defined ({known})");
            }
        }

        return new Deployment(cucm.ToImmutable(), imp.ToImmutable());
    }

    private CucmCluster? ReadCucmCluster(YamlNode node)
    {
        if (Mapping(node, "a CUCM cluster") is not { } map) return null;
        var f = Fields(map, "CUCM cluster", CucmClusterKeys, CucmClusterKeys);
        var name = ClusterName(f, "CUCM cluster");
        var label = $"CUCM cluster '{name ?? "?"}'";
        var nodes = ReadNodes(f, label, NodeKind.Cucm, name ?? "?", CucmNodeKeys);
        if (nodes is null) return null;
        CheckPublisher(nodes, label, f.GetValueOrDefault("nodes") ?? map);
        return name is null || nodes.Any(n => n.Spec is null) ? null : new CucmCluster(name, [.. nodes.Select(n => n.Spec!)]);
    }

    private ImpCluster? ReadImpCluster(YamlNode node)
    {
        if (Mapping(node, "an IM&P cluster") is not { } map) return null;
        var f = Fields(map, "IM&P cluster", ImpClusterKeys, ImpClusterKeys);
        var name = ClusterName(f, "IM&P cluster");
        var label = $"IM&P cluster '{name ?? "?"}'";

        string? cucmCluster = null;
        if (f.TryGetValue("cucm-cluster", out var cucmNode) && Text(cucmNode, "cucm-cluster") is { } c)
        {
            cucmCluster = c;
            if (name is not null) _cucmReferences.Add((name, c, cucmNode));
        }

        string? domain = null;
        if (f.TryGetValue("domain", out var domainNode) && Text(domainNode, "domain") is { } d)
        {
            if (DomainName().IsMatch(d)) domain = d.ToLowerInvariant();
            else Error(domainNode, $"domain '{d}' is not a valid domain name (labels of letters, digits and '-', separated by dots, at least two labels)");
        }

        var nodes = ReadNodes(f, label, NodeKind.Imp, name ?? "?", ImpNodeKeys);
        if (nodes is not null)
        {
            if (nodes.Count > ImpCluster.MaxNodes)
                Error(f["nodes"], $"{label} has {nodes.Count} nodes; an IM&P cluster has at most {ImpCluster.MaxNodes} (a publisher and up to {ImpCluster.MaxNodes - 1} subscribers)");
            CheckPublisher(nodes, label, f.GetValueOrDefault("nodes") ?? map);
        }

        var subclusters = ReadSubclusters(f, label, nodes ?? []);
        if (name is null || cucmCluster is null || domain is null || nodes is null || subclusters is null || nodes.Any(n => n.Spec is null))
            return null;

        var groups = subclusters.Value;
        var membership = groups.SelectMany(s => s.Nodes.Select(n => (Node: n, Subcluster: s.Name)))
            .GroupBy(x => x.Node).ToDictionary(g => g.Key, g => g.First().Subcluster, StringComparer.Ordinal);
        var specs = nodes.Select(n => n.Spec! with { Subcluster = membership.GetValueOrDefault(n.Spec!.Name) }).ToImmutableArray();
        return new ImpCluster(name, cucmCluster, domain, specs, groups);
    }

    private ImmutableArray<Subcluster>? ReadSubclusters(Dictionary<string, YamlNode> f, string label, List<ParsedNode> nodes)
    {
        if (!f.TryGetValue("subclusters", out var node) || List(node, "subclusters") is not { } list) return null;
        var clusterNodes = nodes.Where(n => n.Name is not null).Select(n => n.Name!).ToHashSet(StringComparer.Ordinal);
        var assigned = new Dictionary<string, (string Subcluster, YamlNode At)>(StringComparer.Ordinal);
        var names = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var result = ImmutableArray.CreateBuilder<Subcluster>();
        var ok = true;

        foreach (var item in list.Children)
        {
            if (Mapping(item, "a subcluster") is not { } map) { ok = false; continue; }
            var sf = Fields(map, "subcluster", SubclusterKeys, SubclusterKeys);
            string? name = null;
            if (sf.TryGetValue("name", out var nameNode) && Text(nameNode, "name") is { } n)
            {
                if (!HostName().IsMatch(n))
                    Error(nameNode, $"subcluster name '{n}' is not valid (lowercase letters, digits and '-', starting with a letter)");
                else if (names.TryGetValue(n, out var first))
                    Error(nameNode, $"duplicate subcluster name '{n}' in {label} (first at line {first.Start.Line})");
                else { names[n] = nameNode; name = n; }
            }

            if (!sf.TryGetValue("nodes", out var membersNode) || List(membersNode, "subcluster nodes") is not { } members) { ok = false; continue; }
            var label2 = $"subcluster '{name ?? "?"}'";
            if (members.Children.Count == 0)
                Error(membersNode, $"{label2} is empty; a subcluster has 1 or {ImpCluster.MaxSubclusterSize} nodes");
            else if (members.Children.Count > ImpCluster.MaxSubclusterSize)
                Error(membersNode, $"{label2} has {members.Children.Count} nodes; a subcluster has 1 or {ImpCluster.MaxSubclusterSize} nodes");

            var memberNames = ImmutableArray.CreateBuilder<string>();
            foreach (var m in members.Children)
            {
                if (Text(m, "subcluster node") is not { } member) continue;
                if (!clusterNodes.Contains(member))
                    Error(m, $"{label2} names '{member}', which is not a node of {label}");
                else if (assigned.TryGetValue(member, out var previous))
                    Error(m, $"node '{member}' is already in subcluster '{previous.Subcluster}' (line {previous.At.Start.Line}); a node belongs to one subcluster");
                else
                {
                    assigned[member] = (name ?? "?", m);
                    memberNames.Add(member);
                }
            }

            if (name is null) ok = false;
            else result.Add(new Subcluster(name, memberNames.ToImmutable()));
        }

        foreach (var n in nodes.Where(n => n.Name is not null && !assigned.ContainsKey(n.Name)))
            Error(n.At, $"node '{n.Name}' of {label} is in no subcluster; list it under 'subclusters'");

        return ok ? result.ToImmutable() : null;
    }

    /// <summary>A node as far as it parsed: <see cref="Spec"/> is null when any of its fields was invalid.</summary>
    private sealed record ParsedNode(NodeSpec? Spec, string? Name, NodeRole? Role, YamlNode At, YamlNode? RoleAt);

    private List<ParsedNode>? ReadNodes(Dictionary<string, YamlNode> f, string label, NodeKind kind, string clusterName, string[] keys)
    {
        if (!f.TryGetValue("nodes", out var node) || List(node, "nodes") is not { } list) return null;
        if (list.Children.Count == 0) Error(node, $"{label} has no nodes; it needs at least a publisher");
        var result = new List<ParsedNode>();
        foreach (var item in list.Children)
        {
            if (ReadNode(item, kind, clusterName, keys) is { } parsed) result.Add(parsed);
        }

        return result;
    }

    private ParsedNode? ReadNode(YamlNode item, NodeKind kind, string clusterName, string[] keys)
    {
        if (Mapping(item, "a node") is not { } map) return null;
        var f = Fields(map, "node", keys, ["name", "fqdn", "ip", "role"]);

        string? name = null;
        if (f.TryGetValue("name", out var nameNode) && Text(nameNode, "name") is { } n)
        {
            if (!HostName().IsMatch(n))
                Error(nameNode, $"node name '{n}' is not a valid host name (lowercase letters, digits and '-', starting with a letter, at most 63 characters)");
            else if (_nodeNames.TryGetValue(n, out var first))
                Error(nameNode, $"duplicate node name '{n}' (first at line {first.Start.Line}, column {first.Start.Column})");
            else { _nodeNames[n] = nameNode; name = n; }
        }

        string? fqdn = null;
        if (f.TryGetValue("fqdn", out var fqdnNode) && Text(fqdnNode, "fqdn") is { } q)
        {
            if (!DomainName().IsMatch(q))
                Error(fqdnNode, $"fqdn '{q}' is not a valid FQDN (host name and domain: labels of letters, digits and '-', separated by dots)");
            else if (name is not null && !q.StartsWith(name + ".", StringComparison.OrdinalIgnoreCase))
                Error(fqdnNode, $"fqdn '{q}' does not start with the node's host name '{name}.'");
            else if (_fqdns.TryGetValue(q, out var first))
                Error(fqdnNode, $"duplicate FQDN '{q}' (first at line {first.Start.Line}, column {first.Start.Column})");
            else { _fqdns[q] = fqdnNode; fqdn = q.ToLowerInvariant(); }
        }

        string? ip = null;
        if (f.TryGetValue("ip", out var ipNode) && Text(ipNode, "ip") is { } a)
        {
            var m = DottedQuad().Match(a);
            if (!m.Success || Enumerable.Range(1, 4).Any(i => int.Parse(m.Groups[i].Value, System.Globalization.CultureInfo.InvariantCulture) > 255))
                Error(ipNode, $"ip '{a}' is not a valid IPv4 address (four numbers 0-255 separated by dots)");
            else if (_ips.TryGetValue(a, out var first))
                Error(ipNode, $"duplicate IP address '{a}' (first at line {first.Start.Line}, column {first.Start.Column})");
            else { _ips[a] = ipNode; ip = a; }
        }

        NodeRole? role = null;
        f.TryGetValue("role", out var roleNode);
        if (roleNode is not null && Text(roleNode, "role") is { } r)
        {
            role = r switch { "publisher" => NodeRole.Publisher, "subscriber" => NodeRole.Subscriber, _ => null };
            if (role is null) Error(roleNode, $"role '{r}' is not valid; expected 'publisher' or 'subscriber'");
        }

        var federation = f.TryGetValue("federation", out var fedNode) && Bool(fedNode, "federation");
        var tftp = f.TryGetValue("tftp", out var tftpNode) && Bool(tftpNode, "tftp");

        var spec = name is null || fqdn is null || ip is null || role is null
            ? null
            : new NodeSpec(name, fqdn, ip, kind, role.Value, clusterName, federation, null, tftp);
        return new ParsedNode(spec, name, role, map, roleNode);
    }

    private void CheckPublisher(List<ParsedNode> nodes, string label, YamlNode at)
    {
        var publishers = nodes.Where(n => n.Role == NodeRole.Publisher).ToList();
        if (publishers.Count == 0 && nodes.Count > 0 && nodes.All(n => n.Role is not null))
            Error(at, $"{label} has no publisher; exactly one node must have 'role: publisher'");
        foreach (var extra in publishers.Skip(1))
            Error(extra.RoleAt ?? extra.At, $"{label} has a second publisher '{extra.Name}' (the first is '{publishers[0].Name}'); exactly one node must have 'role: publisher'");
    }

    private string? ClusterName(Dictionary<string, YamlNode> f, string kind)
    {
        if (!f.TryGetValue("name", out var node) || Text(node, "name") is not { } name) return null;
        if (!HostName().IsMatch(name))
        {
            Error(node, $"{kind} name '{name}' is not valid (lowercase letters, digits and '-', starting with a letter)");
            return null;
        }

        if (_clusterNames.TryGetValue(name, out var first))
        {
            Error(node, $"duplicate cluster name '{name}' (first at line {first.Start.Line}, column {first.Start.Column})");
            return null;
        }

        _clusterNames[name] = node;
        return name;
    }

    private Dictionary<string, YamlNode> Fields(YamlMappingNode map, string what, string[] allowed, string[] required) =>
        Shape.Fields(map, what, allowed, required);

    private YamlMappingNode? Mapping(YamlNode node, string what) => Shape.Mapping(node, what);

    private YamlSequenceNode? List(YamlNode node, string key) => Shape.List(node, key);

    private string? Text(YamlNode node, string key)
    {
        if (node is YamlScalarNode { Value: { Length: > 0 } value }) return value;
        Error(node, $"'{key}' must be a non-empty text value, found {Describe(node)}");
        return null;
    }

    private bool Bool(YamlNode node, string key)
    {
        if (node is YamlScalarNode { Value: "true" }) return true;
        if (node is YamlScalarNode { Value: "false" }) return false;
        Error(node, $"'{key}' must be true or false, found {Describe(node)}");
        return false;
    }

    private static string Describe(YamlNode node) => YamlShape.Describe(node);

    private YamlShape Shape => _shape ??= new YamlShape(Error);

    private void Error(YamlNode at, string message) =>
        _errors.Add(new TopologyError(file, (int)at.Start.Line, (int)at.Start.Column, message));
}
