using ImpClusterSim.Node.Ports;
using ImpClusterSim.Scenarios.Outcome;

namespace ImpClusterSim.Scenarios.Reports;

/// <summary>
/// The trace events a person wants to read, in order: everything but network bookkeeping ("network-summary"), the
/// nodes that started with the run (counted instead), and the start-up of each service (its status events until it
/// first reaches Started, and the settings it loaded then, "setting-active"), as the terminal folds them.
/// </summary>
public sealed record TimelineEvents(int NodesStartedAtZero, IReadOnlyList<TraceEvent> Events)
{
    public static TimelineEvents Select(ScenarioOutcome outcome)
    {
        var started = new HashSet<string>(StringComparer.Ordinal);
        var startedAt = new Dictionary<string, Domain.Time.SimInstant>(StringComparer.Ordinal);
        var shown = new List<TraceEvent>();
        var atZero = 0;
        foreach (var e in outcome.Events)
        {
            switch (e.Event)
            {
                case "network-summary":
                    continue;
                case "node-started" when e.Time == outcome.Start:
                    atZero++;
                    continue;
                case "service-status":
                    var key = e.Node + "/" + TimelineModel.Detail(e, "service");
                    if (!started.Contains(key))
                    {
                        if (TimelineModel.Detail(e, "status") == "Started")
                        {
                            started.Add(key);
                            startedAt[key] = e.Time;
                        }
                        continue;
                    }
                    break;
                case "setting-active"
                    when !startedAt.TryGetValue(e.Node + "/" + TimelineModel.Detail(e, "service"), out var up) || up == e.Time:
                    continue;
            }
            shown.Add(e);
        }
        return new TimelineEvents(atZero, shown);
    }
}
