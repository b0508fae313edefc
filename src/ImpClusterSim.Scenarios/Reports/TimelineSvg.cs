using System.Globalization;
using System.Text;
using ImpClusterSim.Scenarios.Outcome;
using static System.Net.WebUtility;

namespace ImpClusterSim.Scenarios.Reports;

/// <summary>
/// Draws the <see cref="TimelineModel"/> as inline SVG: <c>&lt;svg id="timeline"&gt;</c>, a time axis in virtual time
/// since the start, a <c>&lt;g class="lane" data-lane="KEY"&gt;</c> per lane holding <c>rect.segment</c> elements
/// classed by status, and a <c>rect.fault-window</c> with a <c>text.fault-label</c> per fault, shaded across every lane.
/// </summary>
internal static class TimelineSvg
{
    private const double LabelWidth = 300;
    private const double PlotWidth = 1020;
    private const double Right = 20;
    private const double LaneHeight = 18;
    private const double LaneGap = 4;
    private const double LabelRowHeight = 14;
    private const double CharWidth = 6.2;

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
        double X(TimeSpan t) => LabelWidth + PlotWidth * Math.Clamp(t.Ticks / (double)end.Ticks, 0, 1);

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
            var x = Math.Min(X(f.From) + 3, LabelWidth + PlotWidth + Right - textWidth - 2);
            var row = rowEnds.FindIndex(r => r < x);
            if (row < 0) { rowEnds.Add(0); row = rowEnds.Count - 1; }
            rowEnds[row] = x + textWidth + 6;
            labels.Add((row, x));
        }

        var top = 22 + (Math.Max(rowEnds.Count, 1) * LabelRowHeight);
        var lanesHeight = Math.Max(model.Lanes.Length, 1) * (LaneHeight + LaneGap);
        var bottom = top + lanesHeight;
        var height = bottom + 28;
        var width = LabelWidth + PlotWidth + Right;

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
            $"<text class=\"axis-title\" x=\"{N(LabelWidth - 24)}\" y=\"{N(bottom + 16)}\">virtual time</text>\n</g>\n");

        html.Append("<g id=\"lanes\">\n");
        if (model.Lanes.IsEmpty)
            html.Append(CultureInfo.InvariantCulture,
                $"<text class=\"empty\" x=\"{N(LabelWidth + 8)}\" y=\"{N(top + 13)}\">no peer or service status changed during the run</text>\n");
        for (var i = 0; i < model.Lanes.Length; i++)
        {
            var lane = model.Lanes[i];
            var y = top + (i * (LaneHeight + LaneGap));
            html.Append(CultureInfo.InvariantCulture,
                $"<g class=\"lane lane-{lane.Kind}\" data-lane=\"{HtmlEncode(lane.Key)}\" data-kind=\"{lane.Kind}\">");
            html.Append(CultureInfo.InvariantCulture,
                $"<rect class=\"lane-bg\" x=\"{N(LabelWidth)}\" y=\"{N(y)}\" width=\"{N(PlotWidth)}\" height=\"{N(LaneHeight)}\"/>");
            html.Append(CultureInfo.InvariantCulture,
                $"<text class=\"lane-label\" x=\"{N(LabelWidth - 8)}\" y=\"{N(y + 13)}\">{HtmlEncode(lane.Label)}</text>");
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

    private static TimeSpan FaultEnd(ScenarioOutcome outcome, FaultWindow f, TimeSpan end) =>
        f.Until is { } until ? until - outcome.Start
        : Instant.Contains(f.Kind) ? f.From - outcome.Start
        : end;

    private static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
