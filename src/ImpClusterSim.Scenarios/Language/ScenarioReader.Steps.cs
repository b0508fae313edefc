using ImpClusterSim.Domain.Text;
using System.Collections.Immutable;
using ImpClusterSim.Domain.Services;
using ImpClusterSim.Domain.Time;
using YamlDotNet.RepresentationModel;

namespace ImpClusterSim.Scenarios.Language;

/// <summary>steps: label, at / after, a target, and exactly one operation.</summary>
internal sealed partial class ScenarioReader
{
    private static readonly string[] StepKeys = ["label", "at", "after"];
    private static readonly string[] PeerOperations = ["add-peer", "delete-peer", "force-manual-sync"];

    private ImmutableArray<Step> ReadSteps(YamlNode node)
    {
        if (List(node, "steps") is not { } list) return [];
        var result = ImmutableArray.CreateBuilder<Step>();
        var cursor = TimeSpan.Zero;
        var cursorSpread = TimeSpan.Zero;
        var index = 0;
        foreach (var item in list.Children)
        {
            if (Mapping(item, "a step") is not { } map) continue;
            var step = ReadStep(map, index, ref cursor, ref cursorSpread);
            if (step is not null) result.Add(step);
            index++;
        }

        return result.ToImmutable();
    }

    /// <summary>
    /// <paramref name="cursor"/>: when the previous step ended at the earliest (its time, plus its duration for a wait);
    /// <paramref name="cursorSpread"/>: how much later it can end when a step time is drawn from a range.
    /// </summary>
    private Step? ReadStep(YamlMappingNode map, int index, ref TimeSpan cursor, ref TimeSpan cursorSpread)
    {
        var fields = new Dictionary<string, (YamlNode Key, YamlNode Value)>(StringComparer.Ordinal);
        var targets = new List<(string Key, YamlNode KeyNode, YamlNode Value)>();
        var operations = new List<(KindSpec Spec, YamlNode Key, YamlNode Value)>();
        var ok = true;
        foreach (var (k, v) in map.Children)
        {
            if (k is not YamlScalarNode { Value: { } key }) { Error(k, $"a key in a step must be a plain name, found {Describe(k)}"); ok = false; continue; }
            if (StepKeys.Contains(key)) fields[key] = (k, v);
            else if (TargetKeys.Contains(key)) targets.Add((key, k, v));
            else if (ScenarioVocabulary.Operations.FirstOrDefault(o => o.Name == key) is { } found) operations.Add((found, k, v));
            else
            {
                Error(k, $"unknown operation '{key}'{Spelling.DidYouMean(key, ScenarioVocabulary.OperationNames.Concat(StepKeys).Concat(TargetKeys))}; a step has keys {OneOf(StepKeys.Concat(TargetKeys))} and one operation of: {OneOf(ScenarioVocabulary.OperationNames)}");
                ok = false;
            }
        }

        if (operations.Count == 0)
        {
            if (ok) Error(map, $"the step has no operation; give one of: {OneOf(ScenarioVocabulary.OperationNames)}");
            ok = false;
        }

        foreach (var extra in operations.Skip(1))
        {
            Error(extra.Key, $"a step has exactly one operation; '{extra.Spec.Name}' comes after '{operations[0].Spec.Name}' (make it a step of its own)");
            ok = false;
        }

        string? label = null;
        if (fields.TryGetValue("label", out var labelField) && Text(labelField.Value, "label") is { } l)
        {
            if (_labels.TryGetValue(l, out var first))
            {
                Error(labelField.Value, $"duplicate label '{l}' (first at line {first.Node.Start.Line})");
                ok = false;
            }
            else label = l;
        }

        var timing = StepTiming.Next;
        var at = cursor;
        var spread = cursorSpread;
        DurationRange? range = null;
        var hasAt = fields.TryGetValue("at", out var atField);
        var hasAfter = fields.TryGetValue("after", out var afterField);
        if (hasAt && hasAfter)
        {
            Error(afterField.Key, "give 'at' or 'after', not both ('at' is since the start, 'after' since the previous step)");
            ok = false;
        }
        else if (hasAt)
        {
            timing = StepTiming.At;
            if (StepTime(atField.Value, "at") is { } t)
            {
                range = t.Range;
                if (t.Min < cursor + cursorSpread)
                {
                    Error(atField.Value, cursorSpread > TimeSpan.Zero
                        ? $"step time goes backwards: at {DurationText.Format(t.Min)} comes before the previous step, which can fall as late as {DurationText.Format(cursor + cursorSpread)} (its time is drawn from a range); steps are in time order"
                        : $"step time goes backwards: at {DurationText.Format(t.Min)} comes before the previous step ({DurationText.Format(cursor)}); steps are in time order");
                    ok = false;
                }
                else (at, spread) = (t.Min, t.Width);
            }
            else ok = false;
        }
        else if (hasAfter)
        {
            timing = StepTiming.After;
            if (StepTime(afterField.Value, "after") is { } d) (at, spread, range) = (cursor + d.Min, cursorSpread + d.Width, d.Range);
            else ok = false;
        }

        var timeNode = hasAt ? atField.Value : hasAfter ? afterField.Value : map;
        if (at + spread > _until)
        {
            Error(timeNode, spread > TimeSpan.Zero
                ? $"the step can fall as late as {DurationText.Format(at + spread)} (its time or an earlier step's is drawn from a range), after the horizon {DurationText.Format(_until)} ('until')"
                : $"the step at {DurationText.Format(at)} is after the horizon {DurationText.Format(_until)} ('until')");
            ok = false;
        }

        if (label is not null) _labels[label] = (at, spread, labelField.Value);
        if (operations.Count == 0) return null;

        var (spec, keyNode, value) = operations[0];
        if (label is not null && spec.Name == "wait") _waitLabels.Add(label);
        var args = ReadArgs(spec, keyNode, value, spec.Name, targetInside: false);
        var target = ReadTarget(targets, spec, map, out var targetOk);
        args.Target = target;
        var operation = args.Ok && targetOk ? BuildOperation(args, keyNode) : null;
        if (operation is Wait w) cursor = at + w.Duration;
        else cursor = at;
        cursorSpread = spread;
        if (operation is not null && target is not null && !CheckTargetFits(spec, args, target)) ok = false;

        return ok && operation is not null
            ? new Step(index, label, timing, at, target, operation, Span(map)) { Range = range, Spread = spread }
            : null;
    }

    /// <summary>
    /// A step's 'at' or 'after': a duration, or a range 'min..max' (the step's time is drawn from it for each run with
    /// the run's seed); its earliest value, the range's width and the range as written (null for a fixed duration).
    /// </summary>
    private (TimeSpan Min, TimeSpan Width, DurationRange? Range)? StepTime(YamlNode node, string key)
    {
        if (node is YamlScalarNode { Value: { } text } && text.Contains("..", StringComparison.Ordinal))
            return RangeValue(node, key) is { } r ? (r.Min, r.Max - r.Min, r) : null;
        return DurationValue(node, key) is { } d ? (d, TimeSpan.Zero, null) : null;
    }

    /// <summary>Checks that the operation makes sense on every target node: services that run there, peers on publishers.</summary>
    private bool CheckTargetFits(KindSpec spec, ArgValues args, Target target)
    {
        if (_deployment is null) return true;
        var ok = true;
        if (args.OptText("service") is { } service && args.Node("service") is { } serviceNode)
        {
            foreach (var n in target.Nodes.Select(_deployment.Node))
            {
                if (ServiceCatalogue.Default.Find(service, n.Kind) is null)
                {
                    Error(serviceNode, $"'{service}' does not run on {(n.IsImp ? "IM&P" : "CUCM")} node '{n.Name}'");
                    ok = false;
                    break;
                }
            }
        }

        if (PeerOperations.Contains(spec.Name))
        {
            foreach (var n in target.Nodes.Select(_deployment.Node))
            {
                if (!n.IsImp || !n.IsPublisher)
                {
                    Error(target.Span.Line, target.Span.Column, $"'{spec.Name}' is done on an IM&P publisher; '{n.Name}' is not one (use 'publisher-of: <cluster>')");
                    ok = false;
                    break;
                }

                if (args.OptText("peer") == n.Cluster)
                {
                    Error(args.Node("peer")!, $"a cluster cannot be its own peer: '{n.Name}' is the publisher of '{n.Cluster}'");
                    ok = false;
                    break;
                }
            }
        }

        return ok;
    }

    private void Error(int line, int column, string message) => _errors.Add(new ScenarioError(file, line, column, message));

    private Operation? BuildOperation(ArgValues a, YamlNode at)
    {
        var span = a.Span;
        switch (a.Spec.Name)
        {
            case "upload-trust":
                if (!ExactlyOne(a, at, "ca", "file")) return null;
                if (!InputFileOk(a)) return null;
                return new UploadTrust(a.Text("store"), a.OptText("ca"), a.OptText("file"), a.OptText("signer"), a.OptText("description"), span);
            case "upload-leaf":
                if (!ExactlyOne(a, at, "signed-by", "file")) return null;
                if (!InputFileOk(a)) return null;
                if (a.Has("file") && (a.Has("key") || a.Has("signature-hash")))
                {
                    Error(a.Node(a.Has("key") ? "key" : "signature-hash")!,
                        $"'{(a.Has("key") ? "key" : "signature-hash")}' describes the certificate a scenario CA issues: it needs 'signed-by', not 'file'");
                    return null;
                }
                return new UploadLeaf(a.Text("unit"), a.OptText("signed-by"), a.OptText("file"), a.OptText("description"), span,
                    a.OptText("key") is { } key ? CertificateWords.Key(key) : null, a.OptText("signature-hash") is { } hash ? CertificateWords.Hash(hash) : null);
            case "generate-csr":
                return new GenerateCsr(a.Text("unit"), span, a.OptText("key") is { } csrKey ? CertificateWords.Key(csrKey) : null,
                    a.OptText("hash") is { } csrHash ? CertificateWords.Hash(csrHash) : Pki.SignatureHash.Sha256);
            case "regenerate": return new Regenerate(a.Text("unit"), span);
            case "delete-trust":
                if (!ExactlyOne(a, at, "name", "ca")) return null;
                return new DeleteTrust(a.Text("store"), a.OptText("name"), a.OptText("ca"), span);
            case "download-cert": return new DownloadCert(a.Text("unit"), span);
            case "start-service": return new ServiceControl(ServiceAction.Start, a.Text("service"), span);
            case "stop-service": return new ServiceControl(ServiceAction.Stop, a.Text("service"), span);
            case "restart-service": return new ServiceControl(ServiceAction.Restart, a.Text("service"), span);
            case "add-peer":
                return new AddPeer(a.Text("peer"), a.OptText("protocol") == "TLS" ? PeerProtocol.Tls : PeerProtocol.Tcp, a.OptText("axl-user"), span);
            case "delete-peer": return new DeletePeer(a.Text("peer"), span);
            case "force-manual-sync": return new ForceManualSync(a.Text("peer"), a.Bool("resync-tomcat"), span);
            case "fips-enable": return new FipsEnable(span);
            case "fips-disable": return new FipsDisable(span);
            case "setting": return BuildSetting(a);
            case "tls-peer-subject": return new TlsPeerSubjectChange(a.OptText("action") != "remove", a.Text("subject"), a.OptText("description"), span);
            case "tls-context":
                return new TlsContextChange(a.OptText("action") != "deselect", a.Text("subject"),
                    a.OptText("context") ?? Domain.Settings.SecuritySettingInfo.SipProxyTlsContextName, span);
            case "banner":
                if (!ExactlyOne(a, at, "text", "file")) return null;
                if (!InputFileOk(a)) return null;
                return new UploadBanner(a.OptText("text"), a.OptText("file"), span);
            case "certificate-import-tool":
                if (a.Count("port") is > 65535 or 0)
                {
                    Error(a.Node("port")!, $"'port' must be from 1 to 65535, found {a.Count("port")}");
                    return null;
                }

                return new CertificateImportTool(a.Text("store"), a.OptText("host"), a.Count("port") ?? 5061, span);
            case "sip-security-profile": return new SipSecurityProfile(a.Text("name"), a.OptText("subject-cn"), span);
            case "sip-trunk": return new SipTrunk(a.Text("name"), a.OptText("subject-cn"), a.OptText("security-profile"), span);
            case "cli": return new CliCommand(a.Text("command"), span);
            case "menu":
                return new MenuAction(a.Text("path"), a.OptText("action"),
                    a.Has("args") ? a.Get<ImmutableDictionary<string, string>>("args") : ImmutableDictionary<string, string>.Empty, span);
            case "wait": return new Wait(a.Time("duration"), span);
            default: throw new InvalidOperationException($"no builder for operation '{a.Spec.Name}'");
        }
    }

    private ChangeSetting? BuildSetting(ArgValues a) =>
        SettingValue(a) is { } s ? new ChangeSetting(s.Name, s.Setting, s.Value, a.Span) : null;

    /// <summary>The 'name' and 'value' arguments of 'setting' and 'setting-active': a value the setting accepts.</summary>
    private (string Name, Domain.Settings.SecuritySetting Setting, string Value)? SettingValue(ArgValues a)
    {
        var name = a.Text("name");
        var value = a.Text("value");
        var (setting, values) = ScenarioVocabulary.Settings[name];
        if (values is { } allowed && !allowed.Contains(value))
        {
            Error(a.Node("value")!, $"'{value}' is not a value of '{name}'; expected one of: {OneOf(allowed)}");
            return null;
        }

        if (values is null && !System.Text.RegularExpressions.Regex.IsMatch(value, "^[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$"))
        {
            Error(a.Node("value")!, $"'{value}' is not a domain name (labels of letters, digits and '-', separated by dots)");
            return null;
        }

        return (name, setting, value);
    }

    /// <summary>Exactly one of two alternative arguments must be given.</summary>
    private bool ExactlyOne(ArgValues a, YamlNode at, string first, string second)
    {
        if (a.Has(first) && a.Has(second))
        {
            Error(a.Node(second)!, $"'{a.Spec.Name}' takes '{first}' or '{second}', not both");
            return false;
        }

        if (!a.Has(first) && !a.Has(second))
        {
            Error(at, $"'{a.Spec.Name}' needs '{first}' or '{second}'");
            return false;
        }

        return true;
    }

    /// <summary>
    /// A 'file' argument that exists must be a regular file of at most 1 MiB (a FIFO or /dev/zero would block or never
    /// end the run); a missing file is left to the step, which the page refuses at run time.
    /// </summary>
    private bool InputFileOk(ArgValues a)
    {
        if (a.OptText("file") is not { } file) return true;
        if (Domain.Input.InputFile.Refusal(Path.Combine(baseDirectory, file), Domain.Input.InputFile.MaxTextBytes) is not { } refusal) return true;
        Error(a.Node("file")!, $"'file': {refusal}");
        return false;
    }
}
