using ImpClusterSim.Domain.Time;
using ImpClusterSim.Node.Ports;
using Spectre.Console;

namespace ImpClusterSim.Cli.Run;

/// <summary>
/// The readable side of a trace: the events a person wants to see (operations, faults, checks, node lifecycle, status
/// changes), in order, with time since the run started. The run's own events (path "/") are shown, and of the nodes'
/// events those in <see cref="Shown"/>; periodic bookkeeping (network summaries), service status changes, replication
/// of each certificate and the start-up burst are folded (they stay in the trace file).
/// </summary>
public sealed class Timeline(SimInstant start)
{
    private static readonly HashSet<string> Hidden = new(StringComparer.Ordinal) { "network-summary" };

    private static readonly HashSet<string> Shown = new(StringComparer.Ordinal)
    {
        "peer-status", "certificate-exchange", "replication-lost", "replication-connected", "xmpp-domain-mismatch",
        "fips-mode", "node-halted", "node-rebooting", "node-booted", "mixed-fips-cluster",
        "partition-started", "partition-healed", "link-model-changed", "link-model-cleared",
    };

    private readonly List<TraceEvent> _events = [];
    private int _startedAtZero;
    private int _folded;

    public IReadOnlyList<TraceEvent> Events => _events;

    public void Observe(TraceEvent e)
    {
        if (Hidden.Contains(e.Event)) return;
        if (e.Path != "/" && !Shown.Contains(e.Event))
        {
            _folded++;
            return;
        }

        if (e.Event == "node-started" && e.Time == start)
        {
            _startedAtZero++;
            return;
        }
        _events.Add(e);
    }

    public void Render(TextWriter output)
    {
        var console = TableConsole.For(output);
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
        if (_folded > 0) table.Caption(Markup.Escape($"{_folded} node events folded (service status, certificate replication, ...): see --trace"));
        console.Write(table);
    }

    private static string Style(string @event) => @event switch
    {
        "partition-started" or "node-crashed" or "replication-lost" or "check-failed" or "assumption-broken" => $"[red]{Markup.Escape(@event)}[/]",
        "partition-healed" or "replication-connected" or "node-started" or "check-passed" or "assumption-held" => $"[green]{Markup.Escape(@event)}[/]",
        _ => Markup.Escape(@event),
    };
}
