using ImpClusterSim.Cli.Run;
using ImpClusterSim.Scenarios.Outcome;
using ImpClusterSim.Scenarios.Studies;
using Spectre.Console;

namespace ImpClusterSim.Cli.Studies;

/// <summary>
/// The terminal table of a campaign or sweep: per check (and grid point), held k/n with its 95 % Wilson interval, the
/// time-to-condition p50/p90/p95/p99/max ("–" where the sample does not resolve a percentile; the note says which) and
/// how many runs never met the condition; for a campaign also the first seeds where the check did not hold. On a
/// terminal it fits the terminal's width (cells wrap); elsewhere it is plain, wide text.
/// </summary>
internal static class StudyTable
{
    private const int SeedsShown = 8;

    public static void Render(TextWriter output, SweepSummary sweep, string title)
    {
        var console = TableConsole.For(output);
        var table = new Table().Border(TableBorder.Simple).Title(Markup.Escape(title));
        table.AddColumn("check");
        table.AddColumn("kind");
        var varied = !sweep.Varied.IsEmpty;
        if (varied) table.AddColumn(Markup.Escape(string.Join(", ", sweep.Varied.Select(a => a.Key))));
        table.AddColumn("held");
        table.AddColumn("95 % interval");
        foreach (var p in TimeDistribution.Reported) table.AddColumn(new TableColumn(PercentileName.Of(p)).RightAligned());
        table.AddColumn(new TableColumn("max").RightAligned());
        table.AddColumn(new TableColumn("never").RightAligned());
        if (!varied) table.AddColumn("seeds where it did not hold");
        var checks = sweep.Points[0].Summary.Checks;
        for (var i = 0; i < checks.Length; i++)
        {
            foreach (var point in sweep.Points)
            {
                var c = point.Summary.Checks[i];
                var cells = new List<string>
                {
                    c.Name,
                    c.Kind == CheckKind.Expectation ? "expectation" : "assumption",
                };
                if (varied) cells.Add(point.ValueLabel);
                cells.Add(StudyCells.Held(c));
                cells.Add(StudyCells.Interval(c));
                cells.AddRange(TimeDistribution.Reported.Select(p => StudyCells.Percentile(c, p)));
                cells.Add(StudyCells.Max(c));
                cells.Add(StudyCells.Never(c));
                if (!varied)
                    cells.Add(string.Join(", ", c.SeedsNotHeld.Take(SeedsShown)) +
                              (c.SeedsNotHeld.Length > SeedsShown ? $", ... ({c.SeedsNotHeld.Length} in all; --json lists every one)" : ""));
                table.AddRow([.. cells.Select(Markup.Escape)]);
            }
        }

        console.Write(table);
        output.WriteLine(StudyCells.Legend(sweep));
    }
}
