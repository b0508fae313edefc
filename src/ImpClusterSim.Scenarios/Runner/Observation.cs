namespace ImpClusterSim.Scenarios.Runner;

/// <summary>One evaluation of a condition: whether it holds, and what was seen, in words ("peer status was '...'").</summary>
internal sealed record Observation(bool Holds, string Seen);
