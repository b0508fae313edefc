namespace ImpClusterSim.Domain.Fips;

/// <summary>A node's FIPS 140-2 mode; nodes start in non-FIPS mode (domain facts §4.1).</summary>
public enum FipsMode
{
    NonFips,
    Fips,
}
