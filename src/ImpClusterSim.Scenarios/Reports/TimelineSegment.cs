namespace ImpClusterSim.Scenarios.Reports;

/// <summary>
/// A stretch of a lane with one status, in virtual time since the start of the run. <see cref="Css"/> is the class
/// the plot colours it by (secure, not-reachable, out-of-sync, failed, started, stopped, down, ...).
/// </summary>
public sealed record TimelineSegment(TimeSpan From, TimeSpan To, string Status, string Css);
