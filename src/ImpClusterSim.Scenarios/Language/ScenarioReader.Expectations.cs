using ImpClusterSim.Domain.Text;
using System.Collections.Immutable;
using ImpClusterSim.Domain.Banner;
using ImpClusterSim.Domain.Services;
using ImpClusterSim.Domain.Time;
using YamlDotNet.RepresentationModel;

namespace ImpClusterSim.Scenarios.Language;

/// <summary>expect and assumptions: when (at / within [after] / always) and exactly one condition.</summary>
internal sealed partial class ScenarioReader
{
    private static readonly string[] ExpectationKeys = ["name", "at", "within", "after", "always", "until"];
    private static readonly string[] AssumptionKeys = ["name", "within", "after"];

    private ImmutableArray<Expectation> ReadExpectations(YamlNode node)
    {
        if (List(node, "expect") is not { } list) return [];
        var result = ImmutableArray.CreateBuilder<Expectation>();
        foreach (var item in list.Children)
        {
            if (Mapping(item, "an expectation") is not { } map) continue;
            if (ReadChecked(map, ExpectationKeys, "an expectation") is { } c)
                result.Add(new Expectation(c.Name, c.When, c.Condition, Span(map)));
        }

        return result.ToImmutable();
    }

    private ImmutableArray<Assumption> ReadAssumptions(YamlNode node)
    {
        if (List(node, "assumptions") is not { } list) return [];
        var result = ImmutableArray.CreateBuilder<Assumption>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in list.Children)
        {
            if (Mapping(item, "an assumption") is not { } map) continue;
            if (ReadChecked(map, AssumptionKeys, "an assumption") is not { } c) continue;
            if (c.Name is null) { Error(map, "an assumption is missing the key 'name' (its outcome is reported by name)"); continue; }
            if (c.When.Mode != CheckMode.Within) { Error(map, "an assumption is missing the key 'within' (its deadline)"); continue; }
            if (!names.Add(c.Name)) { Error(map, $"duplicate assumption name '{c.Name}'"); continue; }
            result.Add(new Assumption(c.Name, c.When, c.Condition, Span(map)));
        }

        return result.ToImmutable();
    }

    private (string? Name, CheckWindow When, Condition Condition)? ReadChecked(YamlMappingNode map, string[] allowedKeys, string what)
    {
        var fields = new Dictionary<string, (YamlNode Key, YamlNode Value)>(StringComparer.Ordinal);
        var kinds = new List<(KindSpec Spec, YamlNode Key, YamlNode Value)>();
        var ok = true;
        foreach (var (k, v) in map.Children)
        {
            if (k is not YamlScalarNode { Value: { } key }) { Error(k, $"a key in {what} must be a plain name, found {Describe(k)}"); ok = false; continue; }
            if (allowedKeys.Contains(key)) fields[key] = (k, v);
            else if (ScenarioVocabulary.Conditions.FirstOrDefault(o => o.Name == key) is { } found) kinds.Add((found, k, v));
            else
            {
                Error(k, $"unknown condition '{key}'{Spelling.DidYouMean(key, ScenarioVocabulary.ConditionNames.Concat(allowedKeys))}; {what} has keys {OneOf(allowedKeys)} and one condition of: {OneOf(ScenarioVocabulary.ConditionNames)}");
                ok = false;
            }
        }

        if (kinds.Count == 0)
        {
            if (ok) Error(map, $"{what} has no condition; give one of: {OneOf(ScenarioVocabulary.ConditionNames)}");
            return null;
        }

        foreach (var extra in kinds.Skip(1))
        {
            Error(extra.Key, $"{what} has exactly one condition; '{extra.Spec.Name}' comes after '{kinds[0].Spec.Name}'");
            ok = false;
        }

        string? name = fields.TryGetValue("name", out var nameField) ? Text(nameField.Value, "name") : null;
        var when = ReadWindow(map, fields, ref ok);

        var (spec, keyNode, value) = kinds[0];
        var condition = ReadCondition(spec, keyNode, value);
        if (condition is not null && when is not null && when.Mode != CheckMode.At && RunsACommand(condition))
        {
            Error(keyNode, "'cli-output-contains' runs a CLI command on the node, so it is checked once, at its instant: " +
                           "use 'at: <time>' (not 'within' or 'always'); 'event-seen' watches for something to happen");
            ok = false;
        }

        return ok && when is not null && condition is not null ? (name, when, condition) : null;
    }

    private static bool RunsACommand(Condition c) => c is CliOutputContains || c is Not { Inner: var inner } && RunsACommand(inner);

    /// <summary>One condition from its key and value; 'not' wraps another condition.</summary>
    private Condition? ReadCondition(KindSpec spec, YamlNode keyNode, YamlNode value)
    {
        if (spec.Name == "not") return ReadNegation(keyNode, value);
        var args = ReadArgs(spec, keyNode, value, spec.Name, targetInside: true);
        return args.Ok ? BuildCondition(args) : null;
    }

    private Condition? ReadNegation(YamlNode keyNode, YamlNode value)
    {
        if (value is not YamlMappingNode map || map.Children.Count != 1)
        {
            Error(value, $"'not' takes exactly one condition, e.g. not: {{ node-up: {{ node: imp-a-pub }} }}; found {Describe(value)}");
            return null;
        }

        var (k, v) = map.Children.First();
        if (k is not YamlScalarNode { Value: { } key } || ScenarioVocabulary.Conditions.FirstOrDefault(c => c.Name == key) is not { } spec)
        {
            var typed = (k as YamlScalarNode)?.Value ?? "";
            Error(k, $"unknown condition '{typed}'{Spelling.DidYouMean(typed, ScenarioVocabulary.ConditionNames)} inside 'not'; one of: {OneOf(ScenarioVocabulary.ConditionNames)}");
            return null;
        }

        return ReadCondition(spec, k, v) is { } inner ? new Not(inner, Span(keyNode)) : null;
    }

    /// <summary>A label a condition names: a step's label, whose step is not a wait; null (with an error) otherwise.</summary>
    private string? StepLabel(ArgValues a)
    {
        var l = a.Text("label");
        if (!_labels.ContainsKey(l))
        {
            Error(a.Node("label")!, _labels.Count == 0
                ? $"unknown label '{l}': no step has a 'label'"
                : $"unknown label '{l}'{Spelling.DidYouMean(l, _labels.Keys)}; step labels: {OneOf(_labels.Keys)}");
            return null;
        }

        if (_waitLabels.Contains(l))
        {
            Error(a.Node("label")!, $"'{a.Spec.Name}': the step labelled '{l}' is a 'wait', which the platform neither accepts nor refuses");
            return null;
        }

        return l;
    }

    private CheckWindow? ReadWindow(YamlMappingNode map, Dictionary<string, (YamlNode Key, YamlNode Value)> fields, ref bool ok)
    {
        var given = new[] { "at", "within", "always" }.Where(fields.ContainsKey).ToList();
        if (given.Count == 0)
        {
            Error(map, "say when the condition must hold: 'at: <time>', 'within: <deadline>' (optionally 'after: <label>') or 'always: true'");
            ok = false;
            return null;
        }

        if (given.Count > 1)
        {
            Error(fields[given[1]].Key, $"give one of 'at', 'within' or 'always'; found '{given[0]}' and '{given[1]}'");
            ok = false;
            return null;
        }

        if (fields.TryGetValue("after", out var afterField) && given[0] == "at")
        {
            Error(afterField.Key, "'after: <label>' goes with 'within' (a deadline counted from that step) or 'always' (checked from that step on)");
            ok = false;
            return null;
        }

        if (fields.TryGetValue("until", out var untilField) && given[0] != "always")
        {
            Error(untilField.Key, "'until: <label>' goes with 'always: true' (checked up to that step)");
            ok = false;
            return null;
        }

        var value = fields[given[0]].Value;
        CheckWindow? window = null;
        var latestEnd = TimeSpan.Zero; // how much later a 'within' window can end when its 'after' step's time is drawn
        switch (given[0])
        {
            case "at":
                if (DurationValue(value, "at") is { } t) window = new CheckWindow(CheckMode.At, t, t);
                break;
            case "always":
                if (BoolValue(value, "always") is { } b)
                {
                    if (!b)
                    {
                        Error(value, "'always: false' checks nothing; write 'always: true' or use 'at' / 'within'");
                        break;
                    }

                    var (start, startLabel) = afterField.Value is null ? (TimeSpan.Zero, null) : WindowLabel(afterField.Value, "after");
                    var (end, endLabel) = untilField.Value is null ? (_until, null) : WindowLabel(untilField.Value, "until");
                    if (afterField.Value is not null && startLabel is null || untilField.Value is not null && endLabel is null) break;
                    if (end < start)
                    {
                        Error(untilField.Value!, $"'until: {endLabel}' ({DurationText.Format(end)}) comes before the start of the check ({DurationText.Format(start)})");
                        break;
                    }

                    window = new CheckWindow(CheckMode.Always, start, end, startLabel, endLabel);
                }

                break;
            default:
                var within = DurationValue(value, "within");
                var from = TimeSpan.Zero;
                string? label = null;
                if (afterField.Value is not null && Text(afterField.Value, "after") is { } l)
                {
                    if (_labels.TryGetValue(l, out var step)) { from = step.At; label = l; latestEnd = step.Spread; }
                    else
                    {
                        Error(afterField.Value, _labels.Count == 0
                            ? $"unknown label '{l}': no step has a 'label'"
                            : $"unknown label '{l}'{Spelling.DidYouMean(l, _labels.Keys)}; step labels: {OneOf(_labels.Keys)}");
                        within = null;
                    }
                }
                else if (afterField.Value is not null) within = null;

                if (within is { } w) window = new CheckWindow(CheckMode.Within, from, from + w, label);
                break;
        }

        if (window is null)
        {
            ok = false;
            return null;
        }

        if (window.To + latestEnd > _until)
        {
            Error(value, latestEnd > TimeSpan.Zero
                ? $"the check can end as late as {DurationText.Format(window.To + latestEnd)} (the step '{window.AfterLabel}' is drawn from a range), after the horizon {DurationText.Format(_until)} ('until')"
                : $"the check ends at {DurationText.Format(window.To)}, after the horizon {DurationText.Format(_until)} ('until')");
            ok = false;
            return null;
        }

        return window;
    }

    /// <summary>A label of 'after' or 'until': its step's time and the label, or (zero, null) with an error.</summary>
    private (TimeSpan At, string? Label) WindowLabel(YamlNode node, string key)
    {
        if (Text(node, key) is not { } l) return (TimeSpan.Zero, null);
        if (_labels.TryGetValue(l, out var step)) return (step.At, l);
        Error(node, _labels.Count == 0
            ? $"unknown label '{l}': no step has a 'label'"
            : $"unknown label '{l}'{Spelling.DidYouMean(l, _labels.Keys)}; step labels: {OneOf(_labels.Keys)}");
        return (TimeSpan.Zero, null);
    }

    /// <summary>Every target node is an IM&amp;P node (<paramref name="imp"/>) or a CUCM node; an error at the target otherwise.</summary>
    private bool OnNodesOf(ArgValues a, Target target, bool imp)
    {
        if (_deployment is null) return true;
        foreach (var n in target.Nodes.Select(_deployment.Node))
        {
            if (n.IsImp == imp) continue;
            Error(target.Span.Line, target.Span.Column, imp
                ? $"'{a.Spec.Name}' reads the security settings of IM&P nodes; '{n.Name}' is a CUCM node"
                : $"'{a.Spec.Name}' reads Cisco CallManager on CUCM nodes; '{n.Name}' is an IM&P node");
            return false;
        }

        return true;
    }

    private Condition? BuildCondition(ArgValues a)
    {
        var span = a.Span;
        var target = a.Target;
        switch (a.Spec.Name)
        {
            case "peer-status":
                if (a.Text("cluster") == a.Text("peer"))
                {
                    Error(a.Node("peer")!, $"a cluster is not its own peer: 'cluster' and 'peer' are both '{a.Text("peer")}'");
                    return null;
                }

                return new PeerStatusIs(a.Text("cluster"), a.Text("peer"), a.Text("equals"), span);
            case "peer-certificate":
                if (a.Text("cluster") == a.Text("peer"))
                {
                    Error(a.Node("peer")!, $"a cluster is not its own peer: 'cluster' and 'peer' are both '{a.Text("peer")}'");
                    return null;
                }

                if (a.Has("issued-by") == a.Has("self-signed"))
                {
                    if (a.Has("issued-by")) Error(a.Node("self-signed")!, "'peer-certificate' takes 'issued-by' or 'self-signed', not both");
                    else Error(span.Line, span.Column, "'peer-certificate' needs 'issued-by: <ca>' or 'self-signed: true|false' (which certificate the peer presented)");
                    return null;
                }

                return new PeerCertificateIs(a.Text("cluster"), a.Text("peer"), a.OptText("issued-by"), a.Has("self-signed") ? a.Bool("self-signed") : null, span);
            case "troubleshooter-passes": return new TroubleshooterPasses(a.Text("cluster"), span);
            case "trust-store-contains": return new TrustStoreHolds(target!, a.Text("store"), a.Text("ca"), true, span);
            case "trust-store-lacks": return new TrustStoreHolds(target!, a.Text("store"), a.Text("ca"), false, span);
            case "own-cert-issued-by": return new OwnCertIssuedBy(target!, a.Text("unit"), a.Text("ca"), span);
            case "service-state":
                if (_deployment is not null)
                {
                    foreach (var n in target!.Nodes.Select(_deployment.Node))
                    {
                        if (ServiceCatalogue.Default.Find(a.Text("service"), n.Kind) is null)
                        {
                            Error(a.Node("service")!, $"'{a.Text("service")}' does not run on {(n.IsImp ? "IM&P" : "CUCM")} node '{n.Name}'");
                            return null;
                        }
                    }
                }

                return new ServiceStateIs(target!, a.Text("service"), Enum.Parse<ServiceStatus>(a.Text("state")), span);
            case "cli-output-contains": return new CliOutputContains(target!, a.Text("command"), a.Text("text"), span);
            case "node-up": return new NodeUp(target!, span);
            case "no-fips-mismatch-exchange": return new NoFipsMismatchExchange(span);
            case "secure-peers-when-trusted": return new SecurePeersWhenTrusted(span);
            case "acknowledged-changes-kept": return new AcknowledgedChangesKept(span);
            case "converged": return new Converged(span);
            case "banner-shown":
                var index = ScenarioVocabulary.BannerInterfaces.IndexOf(a.Text("interface"));
                return new BannerShown(target!, (LoginInterface)index, a.OptText("text"), span);
            case "sip-trunk-secure":
                if (!OnNodesOf(a, target!, imp: false)) return null;
                return new SipTrunkSecure(target!, a.Text("trunk"), a.OptText("destination"), a.Bool("secure", true), span);
            case "setting-active":
                if (!OnNodesOf(a, target!, imp: true)) return null;
                return SettingValue(a) is { } s ? new SettingActive(target!, s.Name, s.Setting, s.Value, span) : null;
            case "step-accepted":
            case "step-refused":
                return StepLabel(a) is { } label ? new StepOutcome(label, a.Spec.Name == "step-accepted", a.OptText("reply"), span) : null;
            case "event-seen":
                var details = a.Has("details") ? a.Get<ImmutableDictionary<string, string>>("details") : ImmutableDictionary<string, string>.Empty;
                return new EventSeen(a.Text("event"), a.OptText("node"), details.ToImmutableSortedDictionary(StringComparer.Ordinal), span);
            case "troubleshooter-fails":
                if (_deployment is not null && _deployment.ImpClusters.All(c => c.Name != a.Text("cluster")))
                {
                    Error(a.Node("cluster")!, $"'troubleshooter-fails' runs on an IM&P cluster; '{a.Text("cluster")}' is not one");
                    return null;
                }

                return new TroubleshooterFails(a.Text("cluster"), a.OptText("peer"), span);
            default: throw new InvalidOperationException($"no builder for condition '{a.Spec.Name}'");
        }
    }
}
