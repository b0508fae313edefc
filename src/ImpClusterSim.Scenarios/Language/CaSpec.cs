using System.Collections.Immutable;
using ImpClusterSim.Pki;

namespace ImpClusterSim.Scenarios.Language;

/// <summary>A defect given to a scenario CA on purpose, to test how nodes react.</summary>
public enum CaDefect
{
    Expired,
    NotYetValid,
    Sha1,
    WeakKey,
}

/// <summary>
/// A certificate authority the scenario uses: a root (<see cref="SignedBy"/> null) or an intermediate signed by an
/// earlier CA. <see cref="Subject"/> is its subject CN (default: the name).
/// </summary>
public sealed record CaSpec(
    string Name,
    string Subject,
    string? SignedBy,
    int? PathLength,
    KeyAlgorithm Key,
    TimeSpan Validity,
    ImmutableArray<CaDefect> Defects,
    SourceSpan Span)
{
    public bool IsRoot => SignedBy is null;
}
