using System.Text;
using ImpClusterSim.Domain.Time;
using ImpClusterSim.Scenarios.Outcome;
using static System.Net.WebUtility;

namespace ImpClusterSim.Scenarios.Studies;

/// <summary>
/// The report of a sweep or campaign (<c>--report DIR</c>): <c>summary.json</c> (<see cref="SweepJson"/>),
/// <c>summary.csv</c> (<see cref="SweepCsv"/>) and <c>report.html</c>, one self-contained page (inline CSS and SVG, no
/// script, nothing fetched): the command, the table of every check at every grid point, and the plots
/// (<see cref="StudyPlots"/>). The same summary gives the same bytes.
/// </summary>
public static class StudyReport
{
    private const string Style = """
        body { font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; margin: 24px; color: #1d232a; background: #fff; }
        h1 { font-size: 22px; margin: 0 0 8px; } h2 { font-size: 17px; margin: 28px 0 8px; }
        code { font: 13px/1.4 ui-monospace, "DejaVu Sans Mono", monospace; background: #f1f3f5; padding: 1px 4px; border-radius: 3px; }
        table { border-collapse: collapse; font-size: 13px; } th, td { text-align: left; padding: 3px 10px 3px 0; border-bottom: 1px solid #e3e6e8; vertical-align: top; }
        th { color: #5b6670; font-weight: 600; } td.num { font-family: ui-monospace, "DejaVu Sans Mono", monospace; white-space: nowrap; }
        td.unresolved { color: #9aa4ad; } .note { color: #5b6670; font-style: italic; }
        figure.plot { margin: 12px 0; } figure.plot svg { max-width: 100%; height: auto; }
        """;

    /// <summary>Writes the three files into <paramref name="directory"/> (created if missing) and returns the page's path.</summary>
    /// <exception cref="IOException">The folder or a file cannot be written.</exception>
    public static string Write(SweepSummary sweep, string directory, string command)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "summary.json"), SweepJson.Write(sweep));
        File.WriteAllText(Path.Combine(directory, "summary.csv"), SweepCsv.Write(sweep));
        var page = Path.Combine(directory, "report.html");
        File.WriteAllText(page, Html(sweep, command));
        return page;
    }

    /// <summary>The page's HTML.</summary>
    public static string Html(SweepSummary sweep, string command)
    {
        var h = new StringBuilder();
        var runs = sweep.Points.Length * sweep.SeedCount;
        h.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(HtmlEncode($"{sweep.Scenario}: timing study (ImpClusterSim)")).Append("</title>\n")
            .Append("<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n")
            .Append("<h1>").Append(HtmlEncode(sweep.Scenario)).Append(": timing study</h1>\n")
            .Append("<p>").Append(HtmlEncode($"{runs} runs: {sweep.Points.Length} grid point{(sweep.Points.Length == 1 ? "" : "s")} × {sweep.SeedCount} seeds " +
                                              $"({sweep.FirstSeed}..{sweep.FirstSeed + (ulong)sweep.SeedCount - 1}). "))
            .Append("Reproduce with <code>").Append(HtmlEncode(command)).Append("</code>.</p>\n");
        if (!sweep.Fixed.IsEmpty)
            h.Append("<p>Fixed for every point: <code>").Append(HtmlEncode(string.Join(", ", sweep.Fixed.Select(f => f.Text)))).Append("</code></p>\n");

        h.Append("<h2>Checks</h2>\n<table id=\"checks\">\n<thead><tr><th>check</th><th>kind</th>");
        if (!sweep.Varied.IsEmpty) h.Append("<th>").Append(HtmlEncode(string.Join(", ", sweep.Varied.Select(a => a.Key)))).Append("</th>");
        h.Append("<th>held</th><th>95 % interval</th>");
        foreach (var p in TimeDistribution.Reported) h.Append("<th>").Append(PercentileName.Of(p)).Append("</th>");
        h.Append("<th>max</th><th>never</th></tr></thead>\n<tbody>\n");
        foreach (var (index, check) in StudyPlots.Checks(sweep))
        {
            foreach (var point in sweep.Points)
            {
                var c = point.Summary.Checks[index];
                h.Append("<tr class=\"row\" data-check=\"").Append(HtmlEncode(c.Name)).Append("\"><td>").Append(HtmlEncode(c.Name)).Append("</td><td>")
                    .Append(c.Kind == CheckKind.Expectation ? "expectation" : "assumption").Append("</td>");
                if (!sweep.Varied.IsEmpty) h.Append("<td>").Append(HtmlEncode(point.ValueLabel)).Append("</td>");
                h.Append("<td class=\"num\">").Append(HtmlEncode(StudyCells.Held(c))).Append("</td><td class=\"num\">")
                    .Append(HtmlEncode(StudyCells.Interval(c))).Append("</td>");
                foreach (var p in TimeDistribution.Reported)
                {
                    var text = StudyCells.Percentile(c, p);
                    h.Append(text == StudyCells.Unresolved ? "<td class=\"num unresolved\">" : "<td class=\"num\">").Append(HtmlEncode(text)).Append("</td>");
                }

                h.Append("<td class=\"num\">").Append(HtmlEncode(StudyCells.Max(c))).Append("</td><td class=\"num\">")
                    .Append(HtmlEncode(StudyCells.Never(c))).Append("</td></tr>\n");
            }
        }

        h.Append("</tbody>\n</table>\n<p class=\"note\">").Append(HtmlEncode(StudyCells.Legend(sweep))).Append("</p>\n");

        h.Append("<h2>Plots</h2>\n");
        foreach (var (index, check) in StudyPlots.Checks(sweep))
        {
            if (StudyPlots.Cdf(sweep, index) is { } cdf)
                h.Append("<figure class=\"plot cdf\" data-check=\"").Append(HtmlEncode(check.Name)).Append("\">\n").Append(cdf).Append("\n</figure>\n");
            h.Append("<figure class=\"plot held\" data-check=\"").Append(HtmlEncode(check.Name)).Append("\">\n").Append(StudyPlots.Held(sweep, index)).Append("\n</figure>\n");
        }

        h.Append("</body>\n</html>\n");
        return h.ToString();
    }
}

/// <summary>The cells of a study table, the same in the terminal and in the page.</summary>
public static class StudyCells
{
    /// <summary>What a percentile the sample does not resolve shows.</summary>
    public const string Unresolved = "–";

    public static string Held(Campaigns.CheckStatistics c) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{c.Held}/{c.Runs} ({c.HeldShare * 100:0.#} %)");

    public static string Interval(Campaigns.CheckStatistics c) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{c.HeldInterval.Low * 100:0.#}–{c.HeldInterval.High * 100:0.#} %");

    public static string Percentile(Campaigns.CheckStatistics c, double p) =>
        c.Timing is not { } t ? "" : !t.Resolves(p) ? Unresolved : Time(t.Percentile(p));

    public static string Max(Campaigns.CheckStatistics c) => c.Timing is { } t ? Time(t.Max) : "";

    public static string Never(Campaigns.CheckStatistics c) => c.Timing is { } t ? t.Never.ToString(System.Globalization.CultureInfo.InvariantCulture) : "";

    /// <summary>The note under a table: what the times are and which percentiles the sample resolves.</summary>
    public static string Legend(SweepSummary sweep)
    {
        var unresolved = TimeDistribution.Reported.Where(p => TimeDistribution.SamplesToResolve(p) > sweep.SeedCount).ToList();
        var text = "Times: virtual time from each check's anchor until its condition first held, exact order statistics over the seeds " +
                   "(\"never\": not by the end of the run). Intervals: 95 % Wilson.";
        if (unresolved.Count > 0)
            text += $" {Unresolved}: {sweep.SeedCount} runs per point do not resolve " +
                    string.Join(", ", unresolved.Select(p => $"{PercentileName.Of(p)} (needs {TimeDistribution.SamplesToResolve(p)})")) + ".";
        return text;
    }

    private static string Time(TimeSpan? t) => t is { } v ? DurationText.Format(v) : "never";
}
