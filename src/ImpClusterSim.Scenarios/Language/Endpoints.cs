using System.Collections.Immutable;

namespace ImpClusterSim.Scenarios.Language;

/// <summary>One side of a partition or link: the names written (nodes or clusters) and the nodes they stand for.</summary>
public sealed record Endpoints(ImmutableArray<string> Names, ImmutableArray<string> Nodes, SourceSpan Span);
