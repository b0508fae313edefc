using System.Collections.Immutable;

namespace ImpClusterSim.Domain.Topology;

/// <summary>An IM&amp;P subcluster (later called presence redundancy group): one or two nodes.</summary>
public sealed record Subcluster(string Name, ImmutableArray<string> Nodes);
