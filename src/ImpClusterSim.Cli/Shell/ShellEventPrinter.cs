using ImpClusterSim.Domain.Time;
using ImpClusterSim.Node.Ports;

namespace ImpClusterSim.Cli.Shell;

/// <summary>
/// Prints what happened, from the trace: faults, node lifecycle, service and peer status changes, trust changes. Folded:
/// network bookkeeping, the nodes that start with the session, and each service's start-up (counted, not listed).
/// </summary>
internal sealed class ShellEventPrinter(SimInstant start, TextWriter output)
{
    /// <summary>Most event lines printed at once; the rest are counted.</summary>
    public const int MaxLines = 60;

    private readonly HashSet<string> _started = new(StringComparer.Ordinal);

    public void Print(IReadOnlyList<TraceEvent> events)
    {
        var startUps = 0;
        var nodesAtStart = 0;
        var lines = new List<string>();
        foreach (var e in events)
        {
            switch (e.Event)
            {
                case "network-summary":
                    continue;
                case "node-started" when e.Time == start:
                    nodesAtStart++;
                    continue;
                case "service-status":
                    var key = e.Node + "/" + Detail(e, "service");
                    if (!_started.Contains(key))
                    {
                        if (Detail(e, "status") == "Started") _started.Add(key);
                        startUps++;
                        continue;
                    }
                    break;
            }
            lines.Add(Line(e));
        }

        if (nodesAtStart > 0) output.WriteLine($"  {nodesAtStart} nodes started");
        if (startUps > 0) output.WriteLine($"  ({startUps} service start-up status changes folded; 'utils service list' on a node shows them)");
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
