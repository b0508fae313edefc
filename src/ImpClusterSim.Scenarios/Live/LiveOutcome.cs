using ImpClusterSim.Live.Control;

namespace ImpClusterSim.Scenarios.Live;

/// <summary>One check of a live run: what was checked, whether it held, the value seen, and when (virtual time since the start).</summary>
public sealed record LiveCheck(string Name, bool Passed, string Detail, TimeSpan At);

/// <summary>A line of a live run's timeline: virtual time since the start, the node (or "coordinator"), the event and its details.</summary>
public sealed record LiveEvent(TimeSpan At, string Node, string Event, string Details);

/// <summary>
/// What a live run leaves: its setting (topology, speed, seed, node count), how long the members took to come Up
/// (wall seconds), virtual and wall duration, the checks, the timeline and every node's trace. A live run is not
/// replayable: thread and socket timing decide the order of events.
/// </summary>
public sealed record LiveOutcome(
    string Topology,
    double Speed,
    ulong Seed,
    int Nodes,
    double UpWallSeconds,
    TimeSpan Until,
    double WallSeconds,
    IReadOnlyList<LiveCheck> Checks,
    IReadOnlyList<LiveEvent> Timeline,
    IReadOnlyList<TraceLine> Trace)
{
    public bool Passed => Checks.All(c => c.Passed);
}
