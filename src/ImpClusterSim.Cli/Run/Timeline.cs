using ImpClusterSim.Domain.Time;
using ImpClusterSim.Node.Ports;
using Spectre.Console;

namespace ImpClusterSim.Cli.Run;

/// <summary>
/// The readable side of a trace: the events a person wants to see (faults, node lifecycle, status changes), in order,
/// with time since the run started. Periodic bookkeeping (network summaries) and the start-up burst are folded.
/// </summary>
public sealed class Timeline(SimInstant start)
{
    private static readonly HashSet<string> Hidden = new(StringComparer.Ordinal) { "network-summary" };
    private readonly List<TraceEvent> _events = [];
    private int _startedAtZero;

    public IReadOnlyList<TraceEvent> Events => _events;

    public void Observe(TraceEvent e)
    {
        if (Hidden.Contains(e.Event)) return;
        if (e.Event == "node-started" && e.Time == start)
        {
            _startedAtZero++;
            return;
        }
        _events.Add(e);
    }

    public void Render(TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.Detect,
            ColorSystem = ColorSystemSupport.Detect,
        });
        var table = new Table().Border(TableBorder.Simple).Title("Timeline (virtual time since start)");
        table.AddColumn("time");
        table.AddColumn("node");
        table.AddColumn("event");
        table.AddColumn("details");
        if (_startedAtZero > 0) table.AddRow("+0s", "", "nodes-started", Markup.Escape($"{_startedAtZero} nodes"));
        foreach (var e in _events)
            table.AddRow(
                Markup.Escape("+" + DurationText.Format(e.Time - start)),
                Markup.Escape(e.Node),
                Style(e.Event),
                Markup.Escape(string.Join(", ", e.Details.Select(d => $"{d.Key}={d.Value}"))));
        console.Write(table);
    }

    private static string Style(string @event) => @event switch
    {
        "partition-started" or "node-crashed" or "replication-lost" => $"[red]{Markup.Escape(@event)}[/]",
        "partition-healed" or "replication-connected" or "node-started" => $"[green]{Markup.Escape(@event)}[/]",
        _ => Markup.Escape(@event),
    };
}
