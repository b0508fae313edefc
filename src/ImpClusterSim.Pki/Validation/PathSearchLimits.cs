namespace ImpClusterSim.Pki;

/// <summary>
/// Bounds of <see cref="ChainValidator"/>'s path search, so that no presented bundle can make a validation run long
/// (cross-certified CAs make the number of paths exponential). All three are counts, never wall time, so a search
/// gives the same answer on every machine.
/// </summary>
/// <param name="MaxDepth">Most certificates on a path, leaf and anchor included.</param>
/// <param name="MaxCandidatePaths">Most complete paths (leaf to a trusted certificate) that are checked.</param>
/// <param name="MaxWork">Most issuer comparisons (a name and key-identifier match of two certificates) in one search.</param>
public sealed record PathSearchLimits(int MaxDepth, int MaxCandidatePaths, int MaxWork)
{
    /// <summary>Depth 10, 64 candidate paths, 20 000 comparisons (well under a second in the worst case).</summary>
    public static PathSearchLimits Default { get; } = new(10, 64, 20_000);
}
