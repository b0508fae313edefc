using ImpClusterSim.Domain.Text;
using System.Collections.Immutable;
using ImpClusterSim.Domain.Time;
using YamlDotNet.RepresentationModel;

namespace ImpClusterSim.Scenarios.Language;

/// <summary>faults: id, at, an optional window (for / until), and exactly one fault.</summary>
internal sealed partial class ScenarioReader
{
    private static readonly string[] FaultKeys = ["id", "at", "for", "until"];
    private static readonly string[] WindowedFaults = ["partition", "link", "clock-skew", "service-stop", "name-resolution", "disk-failure"];
    private static readonly string[] HealableFaults = ["partition", "link"];

    private ImmutableArray<Fault> ReadFaults(YamlNode node)
    {
        if (List(node, "faults") is not { } list) return [];
        var result = ImmutableArray.CreateBuilder<Fault>();
        var ids = new Dictionary<string, (string Kind, YamlNode Node)>(StringComparer.Ordinal);
        foreach (var item in list.Children)
        {
            if (Mapping(item, "a fault") is not { } map) continue;
            if (ReadFault(map, ids) is { } fault) result.Add(fault);
        }

        return result.ToImmutable();
    }

    private Fault? ReadFault(YamlMappingNode map, Dictionary<string, (string Kind, YamlNode Node)> ids)
    {
        var fields = new Dictionary<string, (YamlNode Key, YamlNode Value)>(StringComparer.Ordinal);
        var kinds = new List<(KindSpec Spec, YamlNode Key, YamlNode Value)>();
        var ok = true;
        foreach (var (k, v) in map.Children)
        {
            if (k is not YamlScalarNode { Value: { } key }) { Error(k, $"a key in a fault must be a plain name, found {Describe(k)}"); ok = false; continue; }
            if (FaultKeys.Contains(key)) fields[key] = (k, v);
            else if (ScenarioVocabulary.Faults.FirstOrDefault(o => o.Name == key) is { } found) kinds.Add((found, k, v));
            else
            {
                Error(k, $"unknown fault '{key}'{Spelling.DidYouMean(key, ScenarioVocabulary.FaultNames.Concat(FaultKeys))}; a fault has keys {OneOf(FaultKeys)} and one fault of: {OneOf(ScenarioVocabulary.FaultNames)}");
                ok = false;
            }
        }

        if (kinds.Count == 0)
        {
            if (ok) Error(map, $"the fault says nothing happens; give one of: {OneOf(ScenarioVocabulary.FaultNames)}");
            return null;
        }

        foreach (var extra in kinds.Skip(1))
        {
            Error(extra.Key, $"a fault entry has exactly one fault; '{extra.Spec.Name}' comes after '{kinds[0].Spec.Name}'");
            ok = false;
        }

        var (spec, keyNode, value) = kinds[0];
        TimeSpan? at = null;
        if (!fields.TryGetValue("at", out var atField))
        {
            Error(map, "the fault is missing the key 'at' (when it strikes, since the start)");
            ok = false;
        }
        else if ((at = DurationValue(atField.Value, "at")) is null) ok = false;
        else if (at > _until)
        {
            Error(atField.Value, $"the fault at {DurationText.Format(at.Value)} is after the horizon {DurationText.Format(_until)} ('until')");
            ok = false;
        }

        TimeSpan? until = null;
        var hasFor = fields.TryGetValue("for", out var forField);
        var hasUntil = fields.TryGetValue("until", out var untilField);
        if (hasFor || hasUntil)
        {
            var windowKey = hasFor ? forField.Key : untilField.Key;
            if (!WindowedFaults.Contains(spec.Name))
            {
                Error(windowKey, $"'{spec.Name}' has no window; 'for' and 'until' apply to {OneOf(WindowedFaults)}" +
                                 (spec.Name == "crash" ? " (a crash takes 'restart-after')" : ""));
                ok = false;
            }
            else if (hasFor && hasUntil)
            {
                Error(untilField.Key, "give 'for' or 'until', not both");
                ok = false;
            }
            else if (hasFor)
            {
                if (DurationValue(forField.Value, "for") is { } d && at is { } start) until = start + d;
                else ok = false;
            }
            else if (DurationValue(untilField.Value, "until") is { } end)
            {
                if (at is { } start && end <= start)
                {
                    Error(untilField.Value, $"the window ends at {DurationText.Format(end)}, not after it starts ({DurationText.Format(start)})");
                    ok = false;
                }
                else until = end;
            }
            else ok = false;
        }

        string? id = null;
        if (fields.TryGetValue("id", out var idField) && Text(idField.Value, "id") is { } i)
        {
            if (i == "all") { Error(idField.Value, "'all' is reserved for 'heal: all'; choose another id"); ok = false; }
            else if (ids.TryGetValue(i, out var first)) { Error(idField.Value, $"duplicate fault id '{i}' (first at line {first.Node.Start.Line})"); ok = false; }
            else { ids[i] = (spec.Name, idField.Value); id = i; }
        }

        var args = ReadArgs(spec, keyNode, value, spec.Name, targetInside: false);
        FaultAction? action = args.Ok ? BuildFault(args, ids) : null;
        return ok && action is not null && at is not null ? new Fault(id, at.Value, until, action, Span(map)) : null;
    }

    private FaultAction? BuildFault(ArgValues a, Dictionary<string, (string Kind, YamlNode Node)> ids)
    {
        var span = a.Span;
        switch (a.Spec.Name)
        {
            case "partition":
                return SidesApart(a) ? new Partition(a.Endpoints("a"), a.Endpoints("b"), a.Bool("one-way"), span) : null;
            case "heal":
                var id = a.Text("id");
                if (id == "all") return new Heal(null, span);
                if (!ids.TryGetValue(id, out var healed) || !HealableFaults.Contains(healed.Kind))
                {
                    var known = ids.Where(x => HealableFaults.Contains(x.Value.Kind)).Select(x => x.Key).ToList();
                    Error(a.Node("id")!, $"'heal': no partition or link fault with id '{id}' before this one" +
                                         (known.Count == 0 ? "; give the fault an 'id', or write 'heal: all'" : $"; ids: {OneOf(known)}, or 'all'"));
                    return null;
                }

                return new Heal(id, span);
            case "link":
                if (!new[] { "latency", "distribution", "loss", "duplication", "reorder" }.Any(a.Has))
                {
                    Error(a.Node("a")!, "'link' changes nothing; give at least one of latency, distribution, loss, duplication, reorder");
                    return null;
                }

                if (!SidesApart(a)) return null;
                return new LinkChange(a.Endpoints("a"), a.Endpoints("b"), a.Range("latency"), a.OptText("distribution"),
                    a.Probability("loss"), a.Probability("duplication"), a.Probability("reorder"), span);
            case "crash": return new Crash(a.Text("node"), a.OptTime("restart-after"), span);
            case "restart-node": return new RestartNode(a.Text("node"), span);
            case "service-kill":
            case "service-stop":
                var node = a.Text("node");
                var service = a.Text("service");
                if (_deployment?.FindNode(node) is { } n && Domain.Services.ServiceCatalogue.Default.Find(service, n.Kind) is null)
                {
                    Error(a.Node("service")!, $"'{service}' does not run on {(n.IsImp ? "IM&P" : "CUCM")} node '{node}'");
                    return null;
                }

                return new ServiceFault(a.Spec.Name == "service-kill", node, service, span);
            case "clock-skew": return new ClockSkew(a.Text("node"), a.Time("offset"), span);
            case "fips-selftest-failure": return new FipsSelfTestFailure(a.Text("node"), a.OptText("mode") == "persistent", span);
            case "name-resolution":
                if (a.Text("node") == a.Text("host"))
                {
                    Error(a.Node("host")!, "'name-resolution': a node does not look up its own host name; give another node as 'host'");
                    return null;
                }

                return new NameResolutionFault(a.Text("node"), a.Text("host"), a.OptTime("delay"), span);
            case "disk-failure": return new DiskFailure(a.Text("node"), span);
            default: throw new InvalidOperationException($"no builder for fault '{a.Spec.Name}'");
        }
    }

    /// <summary>A partition or link is between two sides that share no node (a node cannot be cut off from itself).</summary>
    private bool SidesApart(ArgValues a)
    {
        var sideA = a.Endpoints("a").Nodes;
        var shared = a.Endpoints("b").Nodes.Where(n => sideA.Contains(n, StringComparer.Ordinal)).ToArray();
        if (shared.Length == 0) return true;
        Error(a.Node("b")!, $"'{a.Spec.Name}': {string.Join(", ", shared)} {(shared.Length == 1 ? "is" : "are")} on both sides; " +
                            "the two sides must not share a node (a node or cluster on side a, others on side b)");
        return false;
    }
}
