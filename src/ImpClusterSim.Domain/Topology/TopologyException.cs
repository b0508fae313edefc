using System.Collections.Immutable;

namespace ImpClusterSim.Domain.Topology;

/// <summary>A topology was refused; <see cref="Errors"/> holds every problem found, in file order.</summary>
public sealed class TopologyException : Exception
{
    public TopologyException(IReadOnlyList<TopologyError> errors)
        : base(Describe(errors))
    {
        Errors = errors.ToImmutableArray();
    }

    public ImmutableArray<TopologyError> Errors { get; }

    private static string Describe(IReadOnlyList<TopologyError> errors) =>
        $"invalid topology ({errors.Count} error{(errors.Count == 1 ? "" : "s")}):" + Environment.NewLine +
        string.Join(Environment.NewLine, errors.Select(e => "  " + e));
}
