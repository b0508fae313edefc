using ImpClusterSim.Domain.Time;
using ImpClusterSim.Node.Ports;

namespace ImpClusterSim.Cli.Shell;

/// <summary>
/// Prints what happened, from the trace: faults, node lifecycle, service and peer status changes, trust changes. Folded:
/// network bookkeeping, the nodes that start with the session, and each service's start-up (its status changes until
/// it first reaches Started, and the settings it applies on the way), counted and reported when time has moved.
/// </summary>
internal sealed class ShellEventPrinter(SimInstant start, TextWriter output)
{
    /// <summary>Most event lines printed at once; the rest are counted.</summary>
    public const int MaxLines = 60;

    private readonly Dictionary<string, SimInstant> _started = new(StringComparer.Ordinal);
    private int _startUps;

    /// <summary>Prints <paramref name="events"/>; with <paramref name="folded"/>, also how many start-up events were folded.</summary>
    public void Print(IReadOnlyList<TraceEvent> events, bool folded)
    {
        var nodesAtStart = 0;
        var lines = new List<string>();
        foreach (var e in events)
        {
            switch (e.Event)
            {
                case "network-summary":
                    continue;
                case "node-started" when e.Time == start && Detail(e, "incarnation") == "1":
                    nodesAtStart++;
                    continue;
                case "service-status":
                    var key = e.Node + "/" + Detail(e, "service");
                    if (!_started.ContainsKey(key))
                    {
                        if (Detail(e, "status") == "Started") _started[key] = e.Time;
                        _startUps++;
                        continue;
                    }
                    break;
                // A service applies its settings as it comes up: part of its start-up.
                case "setting-active" when !_started.TryGetValue(e.Node + "/" + Detail(e, "service"), out var up) || up == e.Time:
                    _startUps++;
                    continue;
            }
            lines.Add(Line(e));
        }

        if (nodesAtStart > 0) output.WriteLine($"  {nodesAtStart} nodes started");
        if (folded && _startUps > 0)
        {
            output.WriteLine($"  ({_startUps} start-up events of services folded: status changes and settings applied; 'utils service list' on a node shows the services)");
            _startUps = 0;
        }
        foreach (var line in lines.Take(MaxLines)) output.WriteLine(line);
        if (lines.Count > MaxLines) output.WriteLine($"  ... and {lines.Count - MaxLines} more events");
    }

    private string Line(TraceEvent e)
    {
        var what = e.Event switch
        {
            "service-status" => $"{Detail(e, "service")}: {Detail(e, "status")}",
            "peer-status" => $"peer {Detail(e, "peer")}: {Detail(e, "status")}",
            _ => string.Join(", ", e.Details.Select(d => $"{d.Key}={d.Value}")),
        };
        return $"  {"+" + DurationText.Format(e.Time - start),-11} {e.Node,-12} {e.Event,-18} {what}".TrimEnd();
    }

    private static string? Detail(TraceEvent e, string key) => e.Details.FirstOrDefault(d => d.Key == key).Value;
}
