namespace ImpClusterSim.Pki;

/// <summary>
/// How to validate a chain. <see cref="At"/> is the validation time (virtual time, UTC); it is never read from a clock.
/// </summary>
public sealed record ValidationOptions(DateTime At)
{
    /// <summary>When set, the leaf must name this host (SAN dNSName, or CN when there is no SAN; no wildcards).</summary>
    public string? HostName { get; init; }

    /// <summary>Apply <see cref="FipsPolicy"/> to every certificate of the path.</summary>
    public bool Fips { get; init; }

    /// <summary>The leaf must be usable by a TLS server (EKU serverAuth when EKU is present, compatible key usage).</summary>
    public bool RequireServerAuth { get; init; }

    /// <summary>RSA keys below this size are refused even outside FIPS mode.</summary>
    public int MinimumRsaBits { get; init; } = 1024;
}
