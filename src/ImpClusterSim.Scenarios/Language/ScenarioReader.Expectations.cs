using System.Collections.Immutable;
using ImpClusterSim.Domain.Banner;
using ImpClusterSim.Domain.Services;
using ImpClusterSim.Domain.Time;
using YamlDotNet.RepresentationModel;

namespace ImpClusterSim.Scenarios.Language;

/// <summary>expect and assumptions: when (at / within [after] / always) and exactly one condition.</summary>
internal sealed partial class ScenarioReader
{
    private static readonly string[] ExpectationKeys = ["name", "at", "within", "after", "always"];
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
                Error(k, $"unknown condition '{key}'; {what} has keys {OneOf(allowedKeys)} and one condition of: {OneOf(ScenarioVocabulary.ConditionNames)}");
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
        var args = ReadArgs(spec, keyNode, value, spec.Name, targetInside: true);
        var condition = args.Ok ? BuildCondition(args) : null;
        return ok && when is not null && condition is not null ? (name, when, condition) : null;
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

        if (fields.TryGetValue("after", out var afterField) && given[0] != "within")
        {
            Error(afterField.Key, "'after: <label>' goes with 'within' (a deadline counted from that step)");
            ok = false;
            return null;
        }

        var value = fields[given[0]].Value;
        CheckWindow? window = null;
        switch (given[0])
        {
            case "at":
                if (DurationValue(value, "at") is { } t) window = new CheckWindow(CheckMode.At, t, t);
                break;
            case "always":
                if (BoolValue(value, "always") is { } b)
                {
                    if (b) window = new CheckWindow(CheckMode.Always, TimeSpan.Zero, _until);
                    else Error(value, "'always: false' checks nothing; write 'always: true' or use 'at' / 'within'");
                }

                break;
            default:
                var within = DurationValue(value, "within");
                var from = TimeSpan.Zero;
                string? label = null;
                if (afterField.Value is not null && Text(afterField.Value, "after") is { } l)
                {
                    if (_labels.TryGetValue(l, out var step)) { from = step.At; label = l; }
                    else
                    {
                        Error(afterField.Value, _labels.Count == 0
                            ? $"unknown label '{l}': no step has a 'label'"
                            : $"unknown label '{l}'; step labels: {OneOf(_labels.Keys)}");
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

        if (window.To > _until)
        {
            Error(value, $"the check ends at {DurationText.Format(window.To)}, after the horizon {DurationText.Format(_until)} ('until')");
            ok = false;
            return null;
        }

        return window;
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
            default: throw new InvalidOperationException($"no builder for condition '{a.Spec.Name}'");
        }
    }
}
