using System.Globalization;
using System.Net;
using System.Text;
using System.Xml.Linq;
using System.Xml;
using ImpClusterSim.Domain.Time;
using ImpClusterSim.Scenarios.Overrides;

namespace ImpClusterSim.Scenarios.Chaos;

/// <summary>
/// <c>impsim chaos --report DIR</c> (docs/chaos.md, "Reading the report"): <c>report.html</c>, one self-contained page
/// (inline SVG, no script, nothing fetched) with the failures by signature and, per failing seed, its fault schedule as
/// a timeline (one row per fault, its window drawn over the run's virtual time, the quiet period shaded) and the minimal
/// schedule it was shrunk to; and <c>junit.xml</c>, one testcase per seed, a failure per failing seed. Both are written
/// from the result only, so they do not depend on <c>--jobs</c>.
/// </summary>
public static class ChaosReport
{
    private const int Width = 900;
    private const int Row = 14;
    private const int Left = 260;

    /// <summary>Writes report.html and junit.xml into <paramref name="directory"/> (created if missing).</summary>
    /// <param name="replays">Per shrunk seed, the command line that replays its shrunk file, as the user invokes impsim.</param>
    /// <exception cref="IOException">The directory or a file cannot be written.</exception>
    public static void Write(ChaosResult result, string directory, IReadOnlyDictionary<ulong, string> replays)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "report.html"), Html(result, replays), new UTF8Encoding(false));
        File.WriteAllBytes(Path.Combine(directory, "junit.xml"), JUnit(result));
    }

    public static string Html(ChaosResult result, IReadOnlyDictionary<ulong, string> replays)
    {
        var b = result.Base;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>impsim chaos: ")
            .Append(E(b.Scenario.Name)).Append("</title>\n<style>body{font-family:sans-serif;margin:2em;max-width:1000px}")
            .Append("table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 8px;text-align:left;font-size:13px}")
            .Append(".pass{color:#2a7d2a}.fail{color:#b22}code{background:#f4f4f4}</style></head><body>\n");
        var failures = result.Failures.ToList();
        html.Append($"<h1>Chaos: {E(b.Scenario.Name)}</h1>\n<p>{result.Verdicts.Length} seeds ({result.Options.FirstSeed}..{result.Options.FirstSeed + (ulong)result.Verdicts.Length - 1}), ")
            .Append($"horizon {DurationText.Format(b.Horizon)}, faults until {DurationText.Format(b.FaultsEnd)}, then a quiet period of {DurationText.Format(b.Quiet)}. ")
            .Append(failures.Count == 0 ? "<b class=\"pass\">No failure.</b>" : $"<b class=\"fail\">{failures.Count} failing seed(s).</b>").Append("</p>\n");

        if (failures.Count > 0)
        {
            html.Append("<h2>Failures by signature</h2>\n<table><tr><th>seeds</th><th>signature</th><th>failing seeds</th></tr>\n");
            foreach (var (signature, seeds) in result.BySignature)
                html.Append($"<tr><td>{seeds.Length}</td><td>{E(signature.ToString())}</td><td>{E(string.Join(", ", seeds.Take(30)))}</td></tr>\n");
            html.Append("</table>\n");
        }

        foreach (var s in result.Shrunk)
        {
            html.Append($"<h2>Seed {s.Seed}: shrunk from {s.Original.Length} to {s.Minimal.Length} fault(s)</h2>\n")
                .Append($"<p>{E(s.Signature.ToString())}: {E(s.Detail)}<br>{s.Runs} shrinking run(s)")
                .Append(s.BudgetExhausted ? " (budget exhausted)" : "").Append(". Replay: <code>")
                .Append(E(replays.GetValueOrDefault(s.Seed) ?? ChaosExperiment.ReplayPlaceholder + SettingOverride.ReplayWords(b.Overrides))).Append("</code></p>\n<h3>Minimal schedule</h3>\n")
                .Append(Timeline(s.Minimal, b)).Append("<h3>Original schedule</h3>\n").Append(Timeline(s.Original, b));
        }

        foreach (var v in failures.Where(v => result.Shrunk.All(s => s.Seed != v.Seed)).Take(20))
            html.Append($"<h2>Seed {v.Seed}</h2>\n<p>{E(v.Signature!.ToString())}: {E(v.Detail ?? "")}</p>\n").Append(Timeline(v.Faults, b));
        html.Append("</body></html>\n");
        return html.ToString();
    }

    private static string Timeline(IReadOnlyList<ScheduledFault> faults, ChaosBase b)
    {
        if (faults.Count == 0) return "<p>(no fault: the failure happens without any)</p>\n";
        var height = (faults.Count + 2) * Row;
        var scale = (Width - Left - 10) / b.Horizon.TotalSeconds;
        double X(TimeSpan t) => Left + Math.Min(b.Horizon.TotalSeconds, t.TotalSeconds) * scale;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{height}\" font-size=\"11\" font-family=\"sans-serif\">\n");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{X(b.FaultsEnd):0.#}\" y=\"0\" width=\"{X(b.Horizon) - X(b.FaultsEnd):0.#}\" height=\"{height}\" fill=\"#e8f4e8\"><title>quiet period</title></rect>\n");
        for (var h = 0; h <= (int)b.Horizon.TotalHours; h += Math.Max(1, (int)b.Horizon.TotalHours / 12))
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(TimeSpan.FromHours(h)):0.#}\" y=\"{height - 2}\" fill=\"#666\">{h}h</text>\n");
        for (var i = 0; i < faults.Count; i++)
        {
            var f = faults[i];
            var y = (i + 1) * Row;
            var end = f.Ends ?? f.At + TimeSpan.FromSeconds(b.Horizon.TotalSeconds / 300);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"2\" y=\"{y + 10}\">{E(Label(f))}</text>")
                .Append(CultureInfo.InvariantCulture, $"<rect x=\"{X(f.At):0.#}\" y=\"{y + 2}\" width=\"{Math.Max(2, X(end) - X(f.At)):0.#}\" height=\"{Row - 4}\" fill=\"{Colour(f.SwarmKind)}\"><title>{E(f.Describe())}</title></rect>\n");
        }

        return svg.Append("</svg>\n").ToString();
    }

    private static string Label(ScheduledFault f)
    {
        var text = $"{f.SwarmKind} {string.Join(" ", f.Targets)}";
        return text.Length > 40 ? text[..39] + "…" : text;
    }

    private static string Colour(string kind) => kind switch
    {
        ChaosFaultKinds.Partition => "#d62728",
        ChaosFaultKinds.Link => "#ff7f0e",
        ChaosFaultKinds.Crash or ChaosFaultKinds.RestartNode => "#7f7f7f",
        ChaosFaultKinds.ServiceStop or ChaosFaultKinds.ServiceKill => "#9467bd",
        ChaosFaultKinds.ClockSkew or ChaosFaultKinds.ClockJump => "#1f77b4",
        ChaosFaultKinds.FipsSelfTest => "#8c564b",
        ChaosFaultKinds.NameResolution => "#e377c2",
        _ => "#bcbd22",
    };

    public static byte[] JUnit(ChaosResult result)
    {
        var failures = result.Failures.Count();
        var suite = new XElement("testsuite",
            new XAttribute("name", "chaos." + result.Base.Scenario.Name),
            new XAttribute("tests", result.Verdicts.Length),
            new XAttribute("failures", failures),
            new XAttribute("errors", 0),
            new XAttribute("skipped", 0),
            new XAttribute("time", "0"));
        foreach (var v in result.Verdicts)
        {
            var testcase = new XElement("testcase",
                new XAttribute("classname", "chaos." + result.Base.Scenario.Name),
                new XAttribute("name", $"seed {v.Seed}"),
                new XAttribute("time", "0"),
                new XElement("system-out", $"{v.Faults.Length} fault(s); trace hash {v.TraceHash}"));
            if (!v.Passed)
                testcase.Add(new XElement("failure", new XAttribute("message", v.Signature!.ToString()), new XAttribute("type", "chaos"),
                    $"{v.Detail}\nfaults:\n{string.Join("\n", v.Faults.Select(f => "  - " + f.ToYaml()))}"));
            suite.Add(testcase);
        }

        var root = new XElement("testsuites", new XAttribute("name", "impsim chaos"), new XAttribute("tests", result.Verdicts.Length),
            new XAttribute("failures", failures), new XAttribute("errors", 0), new XAttribute("time", "0"), suite);
        using var buffer = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, NewLineChars = "\n" };
        using (var writer = XmlWriter.Create(buffer, settings)) new XDocument(new XDeclaration("1.0", "utf-8", null), root).Save(writer);
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
