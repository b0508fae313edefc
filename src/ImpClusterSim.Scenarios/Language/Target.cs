using System.Collections.Immutable;

namespace ImpClusterSim.Scenarios.Language;

/// <summary>How a step or condition named its nodes.</summary>
public enum TargetKind
{
    Node,
    Nodes,
    Cluster,
    PublisherOf,
}

/// <summary>
/// The nodes a step or condition applies to, as written (<see cref="Kind"/>, <see cref="Names"/>) and resolved
/// against the deployment (<see cref="Nodes"/>, in topology order for a cluster, in written order otherwise).
/// </summary>
public sealed record Target(TargetKind Kind, ImmutableArray<string> Names, ImmutableArray<string> Nodes, SourceSpan Span)
{
    public override string ToString() => Kind switch
    {
        TargetKind.Node => $"node {Names[0]}",
        TargetKind.Nodes => $"nodes [{string.Join(", ", Names)}]",
        TargetKind.Cluster => $"cluster {Names[0]}",
        _ => $"publisher-of {Names[0]}",
    };
}
