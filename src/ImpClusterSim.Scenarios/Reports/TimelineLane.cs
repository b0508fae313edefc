using System.Collections.Immutable;

namespace ImpClusterSim.Scenarios.Reports;

/// <summary>
/// One lane of the report's timeline plot: an intercluster peer as one publisher sees it, a service of a node, or a
/// node itself; its segments in time order, each with the status shown from its start to its end.
/// </summary>
public sealed record TimelineLane(string Kind, string Key, string Label, ImmutableArray<TimelineSegment> Segments);
