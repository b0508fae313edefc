using System.Globalization;
using System.Text;
using ImpClusterSim.Scenarios.Outcome;
using static System.Net.WebUtility;

namespace ImpClusterSim.Scenarios.Reports;

/// <summary>
/// Draws the <see cref="TimelineModel"/> as inline SVG: <c>&lt;svg id="timeline"&gt;</c>, a time axis in virtual time
/// since the start, a <c>&lt;g class="lane" data-lane="KEY"&gt;</c> per lane holding <c>rect.segment</c> elements
/// classed by status, and a <c>rect.fault-window</c> with a <c>text.fault-label</c> per fault, shaded across every lane.
/// Above the lanes, a <c>g.step-marker</c> per instant at which the administrators acted (operations, with what the
/// platform replied in its title); below them, a <c>g.check-row</c> per check: its window (<c>rect.check-window</c>),
/// its deadline (<c>line.check-deadline</c>) and its decision at its instant (<c>g.check-mark</c>, PASS, FAIL, HELD
/// or BROKEN). The label column is as wide as the longest label, so no label is clipped.
/// </summary>
internal static class TimelineSvg
{
    private const double MinLabelWidth = 300;
    private const double CheckRowHeight = 16;
    private const int MaxCheckLabel = 60;
    private const double PlotWidth = 1020;
    private const double Right = 20;
    private const double LaneHeight = 18;
    private const double LaneGap = 4;
    private const double LabelRowHeight = 14;
    private const double CharWidth = 6.6;
    private const double BoldCharWidth = 7.6;

    private static readonly TimeSpan[] Steps =
    [
        TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30),
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10),
        TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), TimeSpan.FromHours(2),
        TimeSpan.FromHours(3), TimeSpan.FromHours(6), TimeSpan.FromHours(12), TimeSpan.FromDays(1), TimeSpan.FromDays(2),
        TimeSpan.FromDays(7), TimeSpan.FromDays(30),
    ];

    /// <summary>Faults that happen at an instant (drawn as a thin band) when they have no end.</summary>
    private static readonly HashSet<string> Instant = new(StringComparer.Ordinal)
    {
        "crash", "restart-node", "heal", "service-kill", "fips-selftest-failure",
    };

    public static void Write(StringBuilder html, ScenarioOutcome outcome, TimelineModel model)
    {
        var end = model.Duration;
        var checks = outcome.Checks.Where(c => c.WindowFrom is not null).ToList();
        // Check labels may be bold (a failure): give them a bolder character width.
        var longest = model.Lanes.Select(l => l.Label.Length * CharWidth).Concat(checks.Select(c => CheckLabel(c).Length * BoldCharWidth)).DefaultIfEmpty(0).Max();
        var labelWidth = Math.Max(MinLabelWidth, longest + 16);
        double X(TimeSpan t) => labelWidth + PlotWidth * Math.Clamp(t.Ticks / (double)end.Ticks, 0, 1);

        // Fault labels sit in rows above the lanes, each in the first row where it does not overlap the previous label.
        var faults = outcome.Faults
            .Select(f => (Fault: f, From: f.From - outcome.Start, To: FaultEnd(outcome, f, end)))
            .OrderBy(f => f.From).ThenBy(f => f.Fault.Label, StringComparer.Ordinal).ToList();
        var rowEnds = new List<double>();
        var labels = new List<(int Row, double X)>();
        foreach (var f in faults)
        {
            // A label that would run off the right edge is pulled back inside the plot.
            var textWidth = f.Fault.Label.Length * CharWidth;
            var x = Math.Min(X(f.From) + 3, labelWidth + PlotWidth + Right - textWidth - 2);
            var row = rowEnds.FindIndex(r => r < x);
            if (row < 0) { rowEnds.Add(0); row = rowEnds.Count - 1; }
            rowEnds[row] = x + textWidth + 6;
            labels.Add((row, x));
        }

        var stepsY = 22 + (Math.Max(rowEnds.Count, 1) * LabelRowHeight);
        var top = stepsY + 16;
        var lanesHeight = Math.Max(model.Lanes.Length, 1) * (LaneHeight + LaneGap);
        var lanesBottom = top + lanesHeight;
        var bottom = lanesBottom + (checks.Count * (CheckRowHeight + 2)) + (checks.Count > 0 ? 6 : 0);
        var height = bottom + 28;
        var width = labelWidth + PlotWidth + Right;

        html.Append(CultureInfo.InvariantCulture,
            $"<svg id=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{N(width)}\" height=\"{N(height)}\" viewBox=\"0 0 {N(width)} {N(height)}\" role=\"img\" aria-label=\"Timeline over virtual time\" data-duration-seconds=\"{N(end.TotalSeconds)}\">\n");

        // Axis: a grid line and a label per tick.
        var step = Steps.FirstOrDefault(s => end.Ticks / s.Ticks <= 12, Steps[^1]);
        html.Append("<g id=\"axis\" class=\"axis\">\n");
        for (var t = TimeSpan.Zero; t <= end; t += step)
        {
            var x = X(t);
            html.Append(CultureInfo.InvariantCulture,
                $"<line class=\"tick\" x1=\"{N(x)}\" y1=\"{N(top - 4)}\" x2=\"{N(x)}\" y2=\"{N(bottom)}\"/><text class=\"tick-label\" x=\"{N(x)}\" y=\"{N(bottom + 16)}\">{HtmlEncode(ReportText.Since(t))}</text>\n");
        }
        html.Append(CultureInfo.InvariantCulture,
            $"<text class=\"axis-title\" x=\"{N(labelWidth - 24)}\" y=\"{N(bottom + 16)}\">virtual time</text>\n</g>\n");

        html.Append("<g id=\"lanes\">\n");
        if (model.Lanes.IsEmpty)
            html.Append(CultureInfo.InvariantCulture,
                $"<text class=\"empty\" x=\"{N(labelWidth + 8)}\" y=\"{N(top + 13)}\">no peer or service status changed during the run</text>\n");
        for (var i = 0; i < model.Lanes.Length; i++)
        {
            var lane = model.Lanes[i];
            var y = top + (i * (LaneHeight + LaneGap));
            html.Append(CultureInfo.InvariantCulture,
                $"<g class=\"lane lane-{lane.Kind}\" data-lane=\"{HtmlEncode(lane.Key)}\" data-kind=\"{lane.Kind}\">");
            html.Append(CultureInfo.InvariantCulture,
                $"<rect class=\"lane-bg\" x=\"{N(labelWidth)}\" y=\"{N(y)}\" width=\"{N(PlotWidth)}\" height=\"{N(LaneHeight)}\"/>");
            html.Append(CultureInfo.InvariantCulture,
                $"<text class=\"lane-label\" x=\"{N(labelWidth - 8)}\" y=\"{N(y + 13)}\">{HtmlEncode(lane.Label)}</text>");
            foreach (var s in lane.Segments)
            {
                var x1 = X(s.From);
                var w = Math.Max(X(s.To) - x1, 2); // a restart of seconds stays visible
                html.Append(CultureInfo.InvariantCulture,
                    $"<rect class=\"segment {s.Css}\" data-status=\"{HtmlEncode(s.Status)}\" x=\"{N(x1)}\" y=\"{N(y)}\" width=\"{N(w)}\" height=\"{N(LaneHeight)}\"><title>{HtmlEncode($"{lane.Label}: {s.Status} ({ReportText.Since(s.From)} .. {ReportText.Since(s.To)})")}</title></rect>");
            }
            html.Append("</g>\n");
        }
        html.Append("</g>\n");

        // The administrators' steps: one marker per instant, the operations and replies in its title.
        html.Append("<g id=\"steps\">\n");
        html.Append(CultureInfo.InvariantCulture, $"<text class=\"row-label\" x=\"{N(labelWidth - 8)}\" y=\"{N(stepsY + 10)}\">steps</text>\n");
        foreach (var group in outcome.Events.Where(e => e.Details.Any(d => d.Key == "result")).GroupBy(e => e.Time))
        {
            var x = X(group.Key - outcome.Start);
            var refused = group.Any(e => TimelineModel.Detail(e, "result") != "accepted");
            var title = string.Join("\n", group.Select(e => $"{ReportText.Since(outcome, e.Time)} {e.Node} {e.Event}: {TimelineModel.Detail(e, "result")}" +
                                                             (TimelineModel.Detail(e, "reply") is { Length: > 0 } r ? $" ({r})" : "")));
            html.Append(CultureInfo.InvariantCulture,
                $"<g class=\"step-marker{(refused ? " refused" : "")}\"><path d=\"M{N(x - 4)},{N(stepsY + 2)} L{N(x + 4)},{N(stepsY + 2)} L{N(x)},{N(stepsY + 11)} Z\"/><line x1=\"{N(x)}\" y1=\"{N(stepsY + 11)}\" x2=\"{N(x)}\" y2=\"{N(lanesBottom)}\"/><title>{HtmlEncode(title)}</title></g>\n");
        }
        html.Append("</g>\n");

        // Each check: its window, its deadline and its decision at its instant.
        html.Append("<g id=\"checks-plot\">\n");
        for (var i = 0; i < checks.Count; i++)
        {
            var c = checks[i];
            var y = lanesBottom + 6 + (i * (CheckRowHeight + 2));
            var result = ReportText.Result(c);
            var from = X(c.WindowFrom!.Value);
            var to = X(c.WindowTo ?? c.WindowFrom!.Value);
            html.Append(CultureInfo.InvariantCulture,
                $"<g class=\"check-row {result.ToLowerInvariant()}\" data-check=\"{HtmlEncode(c.Name)}\" data-result=\"{result}\">");
            html.Append(CultureInfo.InvariantCulture,
                $"<text class=\"lane-label check-label\" x=\"{N(labelWidth - 8)}\" y=\"{N(y + 12)}\">{HtmlEncode(CheckLabel(c))}<title>{HtmlEncode(c.Name)}</title></text>");
            html.Append(CultureInfo.InvariantCulture,
                $"<rect class=\"check-window\" x=\"{N(from)}\" y=\"{N(y + 5)}\" width=\"{N(Math.Max(to - from, 2))}\" height=\"6\"><title>{HtmlEncode($"open {ReportText.Since(c.WindowFrom!.Value)} .. {ReportText.Since(c.WindowTo ?? c.WindowFrom!.Value)}")}</title></rect>");
            html.Append(CultureInfo.InvariantCulture,
                $"<line class=\"check-deadline\" x1=\"{N(to)}\" y1=\"{N(y + 1)}\" x2=\"{N(to)}\" y2=\"{N(y + CheckRowHeight - 1)}\"><title>{HtmlEncode($"deadline {ReportText.Since(c.WindowTo ?? c.WindowFrom!.Value)}")}</title></line>");
            if (c.DecidedAt is { } at)
            {
                var x = X(at - outcome.Start);
                // The word goes right of the diamond, or left of it near the right edge.
                var textWidth = result.Length * BoldCharWidth;
                var textX = x + 8 + textWidth <= labelWidth + PlotWidth + Right ? x + 8 : x - 8 - textWidth;
                html.Append(CultureInfo.InvariantCulture,
                    $"<g class=\"check-mark\"><path d=\"M{N(x)},{N(y + 1)} L{N(x + 6)},{N(y + 8)} L{N(x)},{N(y + 15)} L{N(x - 6)},{N(y + 8)} Z\"/><text x=\"{N(textX)}\" y=\"{N(y + 12)}\">{result}</text><title>{HtmlEncode($"{result} at {ReportText.Since(outcome, at)}: {c.Detail}")}</title></g>");
            }
            html.Append("</g>\n");
        }
        html.Append("</g>\n");

        html.Append("<g id=\"faults\">\n");
        for (var i = 0; i < faults.Count; i++)
        {
            var (fault, from, to) = faults[i];
            var x1 = X(from);
            var w = Math.Max(X(to) - x1, 3);
            var labelY = 14 + ((labels[i].Row + 1) * LabelRowHeight);
            var span = to > from ? $"{ReportText.Since(from)} .. {ReportText.Since(to)}" : ReportText.Since(from);
            html.Append(CultureInfo.InvariantCulture,
                $"<g class=\"fault\" data-fault=\"{HtmlEncode(fault.Label)}\" data-kind=\"{HtmlEncode(fault.Kind)}\">");
            html.Append(CultureInfo.InvariantCulture,
                $"<rect class=\"fault-window\" x=\"{N(x1)}\" y=\"{N(top - 4)}\" width=\"{N(w)}\" height=\"{N(lanesHeight + 4)}\"><title>{HtmlEncode($"{fault.Label} ({fault.Kind}) {span}")}</title></rect>");
            html.Append(CultureInfo.InvariantCulture,
                $"<line class=\"fault-tick\" x1=\"{N(x1)}\" y1=\"{N(labelY + 2)}\" x2=\"{N(x1)}\" y2=\"{N(top - 4)}\"/>");
            html.Append(CultureInfo.InvariantCulture,
                $"<text class=\"fault-label\" x=\"{N(labels[i].X)}\" y=\"{N(labelY)}\">{HtmlEncode(fault.Label)}</text></g>\n");
        }
        html.Append("</g>\n</svg>\n");
    }

    /// <summary>A check's label in the plot: its result and name, shortened with an ellipsis (the full name is its title).</summary>
    private static string CheckLabel(CheckOutcome c)
    {
        var name = c.Name.Length > MaxCheckLabel ? c.Name[..(MaxCheckLabel - 1)] + "\u2026" : c.Name;
        return $"{ReportText.Result(c)}: {name}";
    }

    private static TimeSpan FaultEnd(ScenarioOutcome outcome, FaultWindow f, TimeSpan end) =>
        f.Until is { } until ? until - outcome.Start
        : Instant.Contains(f.Kind) ? f.From - outcome.Start
        : end;

    private static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
