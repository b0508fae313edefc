using ImpClusterSim.Scenarios.Campaigns;
using ScottPlot;

namespace ImpClusterSim.Scenarios.Studies;

/// <summary>
/// The plots of a study page, drawn with ScottPlot as SVG: per windowed check, the CDF of its time-to-condition (one
/// step line per grid point, the window's end as a dashed line); per check, P(held) against the grid point with its
/// 95 % Wilson interval. Minutes of virtual time on the time axis.
/// </summary>
internal static class StudyPlots
{
    private const int Width = 760;
    private const int Height = 360;

    /// <summary>The CDF of time-to-condition of check <paramref name="index"/> at every point; null when the check has no window.</summary>
    public static string? Cdf(SweepSummary sweep, int index)
    {
        var first = sweep.Points[0].Summary.Checks[index];
        if (first.Timing is null) return null;
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        var i = 0;
        var longest = 0.0;
        foreach (var point in sweep.Points)
        {
            var t = point.Summary.Checks[index].Timing!;
            var xs = new List<double> { 0 };
            var ys = new List<double> { 0 };
            for (var k = 0; k < t.Held.Length; k++)
            {
                xs.Add(t.Held[k].TotalMinutes);
                ys.Add((k + 1.0) / t.Count);
            }

            longest = Math.Max(longest, xs[^1]);
            var line = plot.Add.Scatter(xs.ToArray(), ys.ToArray(), palette.GetColor(i++));
            line.ConnectStyle = ConnectStyle.StepHorizontal;
            line.MarkerSize = 0;
            line.LineWidth = 2;
            line.LegendText = sweep.Points.Length == 1 ? "all runs" : point.ValueLabel;
        }

        var window = first.Window!.Value.TotalMinutes;
        var deadline = plot.Add.VerticalLine(window);
        deadline.LinePattern = LinePattern.Dashed;
        deadline.Color = Colors.Gray;
        deadline.LegendText = "end of the window";
        plot.Axes.SetLimits(0, Math.Max(longest, window) * 1.05 + 0.01, 0, 1.02);
        plot.Title($"Time to condition: {first.Name}");
        plot.XLabel($"virtual minutes {first.Anchor}");
        plot.YLabel("share of runs where it held");
        plot.ShowLegend(Alignment.LowerRight);
        return Inline(plot.GetSvgXml(Width, Height));
    }

    /// <summary>P(held) of check <paramref name="index"/> at every grid point, with its 95 % interval as a bar.</summary>
    public static string Held(SweepSummary sweep, int index)
    {
        var plot = new Plot();
        var stats = sweep.Points.Select(p => p.Summary.Checks[index]).ToList();
        var xs = Enumerable.Range(0, stats.Count).Select(x => (double)x).ToArray();
        var ys = stats.Select(s => s.HeldShare).ToArray();
        var colour = new ScottPlot.Palettes.Category10().GetColor(0);
        for (var k = 0; k < stats.Count; k++)
        {
            var bar = plot.Add.Line(k, stats[k].HeldInterval.Low, k, stats[k].HeldInterval.High);
            bar.Color = colour;
            bar.LineWidth = 2;
            bar.MarkerSize = 0;
        }

        var points = plot.Add.Scatter(xs, ys, colour);
        points.LineWidth = stats.Count > 1 ? 1 : 0;
        points.MarkerSize = 8;
        points.LegendText = "P(held), 95 % Wilson interval";
        plot.Axes.Bottom.SetTicks(xs, [.. sweep.Points.Select(p => p.ValueLabel)]);
        plot.Axes.SetLimits(-0.5, stats.Count - 0.5, 0, 1.05);
        plot.Title($"P(held): {stats[0].Name}");
        plot.XLabel(sweep.Varied.IsEmpty ? "" : string.Join(", ", sweep.Varied.Select(a => a.Key)));
        plot.YLabel("P(held)");
        plot.ShowLegend(Alignment.LowerRight);
        return Inline(plot.GetSvgXml(Width, Height));
    }

    /// <summary>The SVG element alone, for inline use in HTML (ScottPlot's document starts with an XML declaration).</summary>
    private static string Inline(string svg)
    {
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        return start > 0 ? svg[start..] : svg;
    }

    /// <summary>The checks of the sweep, by index (every point has the same checks, in the same order).</summary>
    public static IEnumerable<(int Index, CheckStatistics Check)> Checks(SweepSummary sweep) =>
        sweep.Points[0].Summary.Checks.Select((c, i) => (i, c));
}
