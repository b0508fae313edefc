using ImpClusterSim.Domain.Time;
using ImpClusterSim.Scenarios.Outcome;
using ImpClusterSim.Scenarios.Studies;
using Spectre.Console;

namespace ImpClusterSim.Cli.Run;

/// <summary>
/// The checks of a played scenario: each expectation (PASS/FAIL) and assumption (HELD/BROKEN), when it was decided,
/// when its condition first held after its anchor (windowed checks; "never" when not by the horizon), why and where.
/// </summary>
internal static class ChecksTable
{
    public static void Render(TextWriter output, ScenarioOutcome outcome)
    {
        var console = TableConsole.For(output);
        var table = new Table().Border(TableBorder.Simple).Title("Checks");
        table.AddColumn("result");
        table.AddColumn("check");
        table.AddColumn("when");
        table.AddColumn("condition first held");
        table.AddColumn("why");
        table.AddColumn("where");
        foreach (var c in outcome.Checks)
        {
            var result = c.Kind == CheckKind.Expectation
                ? c.Passed ? "[green]PASS[/]" : "[red]FAIL[/]"
                : c.Passed ? "[green]HELD[/] (assumption)" : "[yellow]BROKEN[/] (assumption)";
            var when = c.DecidedAt is { } at ? "+" + DurationText.Format(at - outcome.Start) : "";
            table.AddRow(result, Markup.Escape(c.Name), Markup.Escape(when), Markup.Escape(TimingText.Of(c.Timing)), Markup.Escape(c.Detail), Markup.Escape($"{c.File}:{c.Line}:{c.Column}"));
        }

        console.Write(table);
    }
}
