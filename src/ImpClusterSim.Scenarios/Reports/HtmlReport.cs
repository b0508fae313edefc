using System.Globalization;
using System.Text;
using ImpClusterSim.Node.Ports;
using ImpClusterSim.Scenarios.Outcome;
using static System.Net.WebUtility;

namespace ImpClusterSim.Scenarios.Reports;

/// <summary>
/// report.html: one self-contained page (inline CSS and SVG, no script, nothing fetched) with the header, the timeline
/// plot, the checks and the timeline events. The same outcome gives the same bytes: no machine time is written.
/// </summary>
internal static class HtmlReport
{
    /// <summary>Most rows the events table lists; the rest are counted in a note (the trace has them all).</summary>
    public const int MaxEventRows = 5000;

    private const string Style = """
        body { font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; margin: 24px; color: #1d232a; background: #fff; }
        h1 { font-size: 22px; margin: 0 0 8px; } h2 { font-size: 17px; margin: 28px 0 8px; }
        .verdict { display: inline-block; padding: 2px 10px; border-radius: 4px; color: #fff; font-size: 15px; vertical-align: middle; }
        .verdict.pass { background: #2e8b47; } .verdict.fail { background: #c0392b; }
        dl.facts { display: grid; grid-template-columns: max-content auto; gap: 2px 16px; margin: 0; }
        dl.facts dt { color: #5b6670; } dl.facts dd { margin: 0; }
        code { font: 13px/1.4 ui-monospace, "DejaVu Sans Mono", monospace; background: #f1f3f5; padding: 1px 4px; border-radius: 3px; }
        table { border-collapse: collapse; font-size: 13px; } th, td { text-align: left; padding: 3px 10px 3px 0; border-bottom: 1px solid #e3e6e8; vertical-align: top; }
        th { color: #5b6670; font-weight: 600; }
        td.result { font-weight: 700; } tr.pass td.result, tr.held td.result { color: #2e8b47; } tr.fail td.result { color: #c0392b; } tr.broken td.result { color: #b7791f; }
        td.time, td.where { white-space: nowrap; font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
        svg#timeline { font: 12px system-ui, "DejaVu Sans", sans-serif; display: block; }
        .lane-bg { fill: #ffffff; stroke: #d5d9dd; stroke-width: 0.5; } .lane-label, .row-label { text-anchor: end; fill: #1d232a; } .row-label { fill: #5b6670; }
        .step-marker path { fill: #1d232a; } .step-marker line { stroke: #1d232a; stroke-width: 0.7; stroke-dasharray: 2 3; opacity: 0.45; } .step-marker.refused path { fill: #c0392b; }
        .trust-arrived { fill: #3a7bd5; } .trust-arrived:nth-child(odd) { fill: #5a95e0; }
        .check-window { fill: #c9d1d9; } .check-deadline { stroke: #1d232a; stroke-width: 2; }
        .check-mark text { font-weight: 700; } .check-row.pass .check-mark, .check-row.held .check-mark { fill: #2e8b47; }
        .check-row.fail .check-mark { fill: #c0392b; } .check-row.broken .check-mark { fill: #b7791f; } .check-row.fail .check-label { fill: #c0392b; font-weight: 700; }
        .tick { stroke: #d5d9dd; stroke-width: 1; } .tick-label { text-anchor: middle; fill: #5b6670; } .axis-title { text-anchor: end; fill: #5b6670; }
        .segment { stroke: #fff; stroke-width: 0.5; }
        .secure, .started { fill: #2e9d4f; } .connected { fill: #7cc48f; } .not-reachable { fill: #d64545; }
        .out-of-sync { fill: #e8a33d; } .failed { fill: #8e1b1b; } .other { fill: #9aa4ad; }
        .starting { fill: #6fa8dc; } .stopping { fill: #f2c27b; } .stopped { fill: #d64545; } .down { fill: #4a5259; } .up { fill: #cfe8d5; }
        .fault-window { fill: rgba(111, 66, 193, 0.22); stroke: #6f42c1; stroke-width: 1.5; stroke-dasharray: 6 3; }
        .fault-tick { stroke: #6f42c1; stroke-width: 1; } .fault-label { fill: #6f42c1; font-weight: 600; }
        .empty { fill: #5b6670; font-style: italic; }
        .legend { display: flex; flex-wrap: wrap; gap: 4px 14px; margin: 6px 0 0 300px; font-size: 12px; color: #5b6670; }
        .legend span::before { content: ""; display: inline-block; width: 12px; height: 12px; margin-right: 5px; vertical-align: -2px; background: var(--c); }
        .note { color: #5b6670; font-style: italic; }
        """;

    private static readonly (string Css, string Text, string Colour)[] Legend =
    [
        ("secure", "Connection is secure / Started", "#2e9d4f"), ("connected", "Connected (TCP)", "#7cc48f"),
        ("not-reachable", "Not reachable", "#d64545"), ("out-of-sync", "Certificate out-of-sync", "#e8a33d"),
        ("failed", "Failed / validation failed", "#8e1b1b"), ("starting", "Starting", "#6fa8dc"),
        ("stopping", "Stopping", "#f2c27b"), ("trust-arrived", "trust store: a certificate arrived (each arrival a new block)", "#3a7bd5"), ("down", "node down", "#4a5259"), ("other", "other", "#9aa4ad"),
        ("fault-window", "fault window", "rgba(111, 66, 193, 0.35)"), ("no-status", "no status yet", "#ffffff; outline: 1px solid #d5d9dd"),
        ("step", "an administrator's step (red: refused)", "#1d232a"), ("check-window", "a check's window, its deadline a bar, its decision a diamond", "#c9d1d9"),
    ];

    public static byte[] Write(ScenarioOutcome outcome)
    {
        var html = new StringBuilder();
        var passed = outcome.Passed;
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(HtmlEncode($"{outcome.Scenario}: {(passed ? "PASS" : "FAIL")} (ImpClusterSim report)")).Append("</title>\n")
            .Append("<style>\n").Append(Style).Append("\n</style>\n</head>\n<body>\n");

        Header(html, outcome, passed);

        html.Append("<section id=\"timeline-section\">\n<h2>Timeline</h2>\n");
        TimelineSvg.Write(html, outcome, TimelineModel.From(outcome));
        html.Append("<div class=\"legend\">");
        foreach (var (css, text, colour) in Legend)
            html.Append(CultureInfo.InvariantCulture, $"<span class=\"legend-{css}\" style=\"--c: {colour}\">{HtmlEncode(text)}</span>");
        html.Append("</div>\n</section>\n");

        Checks(html, outcome);
        Events(html, outcome);
        html.Append("</body>\n</html>\n");
        return new UTF8Encoding(false).GetBytes(html.ToString());
    }

    private static void Header(StringBuilder html, ScenarioOutcome outcome, bool passed)
    {
        html.Append("<header id=\"header\">\n<h1><span id=\"scenario\">").Append(HtmlEncode(outcome.Scenario)).Append("</span> ")
            .Append(CultureInfo.InvariantCulture, $"<span id=\"verdict\" class=\"verdict {(passed ? "pass" : "fail")}\">{(passed ? "PASS" : "FAIL")}</span></h1>\n")
            .Append("<dl class=\"facts\">\n");
        Fact(html, "guide-section", "Guide section", HtmlEncode(outcome.GuideSection ?? "(none)"));
        Fact(html, "seed", "Seed", outcome.Seed.ToString(CultureInfo.InvariantCulture));
        Fact(html, "virtual-time", "Virtual time", HtmlEncode($"{DurationTextOf(outcome.VirtualDuration)} from {outcome.Start}"));
        Fact(html, "nodes", "Nodes", outcome.Nodes.ToString(CultureInfo.InvariantCulture));
        Fact(html, "messages", "Messages", HtmlEncode($"{(outcome.MessagesSent is { } sent ? sent.ToString(CultureInfo.InvariantCulture) + " sent, " : "")}{outcome.MessagesDelivered.ToString(CultureInfo.InvariantCulture)} delivered, {outcome.MessagesDropped.ToString(CultureInfo.InvariantCulture)} dropped"));
        var expectations = outcome.Checks.Where(c => c.Kind == CheckKind.Expectation).ToList();
        var assumptions = outcome.Checks.Where(c => c.Kind == CheckKind.Assumption).ToList();
        Fact(html, "check-counts", "Checks", HtmlEncode(
            $"{expectations.Count(c => c.Passed)} of {expectations.Count} expectations passed, {assumptions.Count(c => c.Passed)} of {assumptions.Count} assumptions held"));
        Fact(html, "trace-hash", "Trace hash", $"<code>{HtmlEncode(outcome.TraceHash)}</code>");
        Fact(html, "replay", "Replay", $"<code>{HtmlEncode(outcome.Replay)}</code>");
        html.Append("</dl>\n</header>\n");
    }

    private static void Fact(StringBuilder html, string id, string name, string valueHtml) =>
        html.Append(CultureInfo.InvariantCulture, $"<dt>{name}</dt><dd id=\"{id}\">{valueHtml}</dd>\n");

    private static void Checks(StringBuilder html, ScenarioOutcome outcome)
    {
        html.Append("<section id=\"checks-section\">\n<h2>Checks</h2>\n");
        if (outcome.Checks.IsEmpty)
        {
            html.Append("<p class=\"note\">The scenario has no expectations or assumptions.</p>\n</section>\n");
            return;
        }
        html.Append("<table id=\"checks\">\n<thead><tr><th>result</th><th>kind</th><th>name</th><th>when</th><th>why</th><th>where</th></tr></thead>\n<tbody>\n");
        foreach (var c in outcome.Checks)
        {
            var kind = ReportText.Kind(c.Kind);
            var result = ReportText.Result(c);
            var when = c.DecidedAt is { } at ? ReportText.Since(outcome, at) : "never";
            html.Append(CultureInfo.InvariantCulture,
                $"<tr class=\"check {kind} {result.ToLowerInvariant()}\" data-check=\"{HtmlEncode(c.Name)}\"><td class=\"result\">{result}</td><td>{kind}</td><td>{HtmlEncode(c.Name)}</td><td class=\"time\">{HtmlEncode(when)}</td><td>{HtmlEncode(c.Detail)}</td><td class=\"where\">{HtmlEncode(ReportText.Where(c))}</td></tr>\n");
        }
        html.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void Events(StringBuilder html, ScenarioOutcome outcome)
    {
        var shown = TimelineEvents.Select(outcome);
        html.Append("<section id=\"events-section\">\n<h2>Timeline events</h2>\n");
        html.Append(CultureInfo.InvariantCulture,
            $"<p class=\"note\">Virtual time since the start. Folded: network bookkeeping and the start-up of nodes and services ({(outcome.Events.Length - shown.Events.Count).ToString(CultureInfo.InvariantCulture)} of {outcome.Events.Length.ToString(CultureInfo.InvariantCulture)} trace events); trace.jsonl has them all.</p>\n");
        html.Append("<table id=\"events\">\n<thead><tr><th>time</th><th>node</th><th>event</th><th>details</th></tr></thead>\n<tbody>\n");
        if (shown.NodesStartedAtZero > 0)
            html.Append(CultureInfo.InvariantCulture,
                $"<tr class=\"event\" data-event=\"nodes-started\"><td class=\"time\">+0s</td><td></td><td>nodes-started</td><td>{shown.NodesStartedAtZero.ToString(CultureInfo.InvariantCulture)} nodes</td></tr>\n");
        foreach (var e in shown.Events.Take(MaxEventRows)) Row(html, outcome, e);
        html.Append("</tbody>\n</table>\n");
        if (shown.Events.Count > MaxEventRows)
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">{(shown.Events.Count - MaxEventRows).ToString(CultureInfo.InvariantCulture)} more events are in trace.jsonl.</p>\n");
        html.Append("</section>\n");
    }

    private static void Row(StringBuilder html, ScenarioOutcome outcome, TraceEvent e) =>
        html.Append(CultureInfo.InvariantCulture,
            $"<tr class=\"event\" data-event=\"{HtmlEncode(e.Event)}\"><td class=\"time\">{HtmlEncode(ReportText.Since(outcome, e.Time))}</td><td>{HtmlEncode(e.Node)}</td><td>{HtmlEncode(e.Event)}</td><td>{HtmlEncode(string.Join(", ", e.Details.Select(d => $"{d.Key}={d.Value}")))}</td></tr>\n");

    private static string DurationTextOf(TimeSpan t) => Domain.Time.DurationText.Format(t);
}
