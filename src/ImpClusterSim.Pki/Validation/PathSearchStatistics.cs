namespace ImpClusterSim.Pki;

/// <summary>The work of one path search: complete candidate paths checked, and issuer comparisons made (see <see cref="PathSearchLimits"/>).</summary>
public sealed record PathSearchStatistics(int CandidatePaths, int Comparisons);
