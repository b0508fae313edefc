using System.Globalization;
using System.Text;
using ImpClusterSim.Scenarios.Outcome;

namespace ImpClusterSim.Scenarios.Studies;

/// <summary>
/// A sweep or campaign as CSV (RFC 4180), one row per grid point and check: one column per varied setting, then check,
/// kind, runs, held, share, wilson_low, wilson_high, samples, never, p50_s, p90_s, p95_s, p99_s, max_s (virtual
/// seconds after the anchor; "never" when the rank falls among runs that never held; empty when the sample does not
/// resolve the percentile, or the check has no window).
/// </summary>
public static class SweepCsv
{
    public static string Write(SweepSummary sweep)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        var header = sweep.Varied.Select(a => a.Key)
            .Concat(["check", "kind", "runs", "held", "share", "wilson_low", "wilson_high", "samples", "never"])
            .Concat(TimeDistribution.Reported.Select(p => PercentileName.Of(p) + "_s"))
            .Append("max_s");
        text.Append(string.Join(',', header.Select(Quote))).Append("\r\n");
        foreach (var point in sweep.Points)
        {
            foreach (var check in point.Summary.Checks)
            {
                var cells = new List<string>();
                cells.AddRange(sweep.Varied.Select(a => point.Settings.First(s => s.Key == a.Key).Value));
                cells.AddRange([check.Name, check.Kind == CheckKind.Expectation ? "expectation" : "assumption",
                    check.Runs.ToString(c), check.Held.ToString(c), check.HeldShare.ToString("0.######", c),
                    check.HeldInterval.Low.ToString("0.######", c), check.HeldInterval.High.ToString("0.######", c)]);
                if (check.Timing is { } t)
                {
                    cells.Add(t.Count.ToString(c));
                    cells.Add(t.Never.ToString(c));
                    cells.AddRange(TimeDistribution.Reported.Select(p => t.Resolves(p) ? Seconds(t.Percentile(p)) : ""));
                    cells.Add(Seconds(t.Max));
                }
                else cells.AddRange(Enumerable.Repeat("", 3 + TimeDistribution.Reported.Length));

                text.Append(string.Join(',', cells.Select(Quote))).Append("\r\n");
            }
        }

        return text.ToString();
    }

    private static string Seconds(TimeSpan? t) => t is { } v ? v.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) : "never";

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
}
