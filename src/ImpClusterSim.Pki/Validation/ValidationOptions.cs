namespace ImpClusterSim.Pki;

/// <summary>
/// How to validate a chain. <see cref="At"/> is the validation time (virtual time, UTC); it is never read from a clock.
/// The policy inputs are those of RFC 5280 §6.1.1 (c) and (e)-(g); their defaults are the RFC's (any policy, nothing
/// required or inhibited), which is what IM&amp;P's validators use (they set no policy inputs).
/// </summary>
public sealed record ValidationOptions(DateTime At)
{
    /// <summary>The special policy OID anyPolicy (RFC 5280 §4.2.1.4).</summary>
    public const string AnyPolicy = "2.5.29.32.0";

    /// <summary>When set, the leaf must name this host (RFC 6125: SAN dNSName or iPAddress, the CN only without them).</summary>
    public string? HostName { get; init; }

    /// <summary>Apply <see cref="FipsPolicy"/> to every certificate of the path.</summary>
    public bool Fips { get; init; }

    /// <summary>Same as <see cref="Purpose"/> = <see cref="CertificatePurpose.Server"/> (kept for the callers that predate it).</summary>
    public bool RequireServerAuth { get; init; }

    /// <summary>
    /// What the leaf is used for. Server or Client: the leaf's EKU (when present) must allow it and its key usage must
    /// allow TLS, and every CA below the anchor whose EKU is present must allow it too (OpenSSL's purpose check).
    /// </summary>
    public CertificatePurpose Purpose { get; init; }

    /// <summary>The purpose in effect: <see cref="CertificatePurpose.Server"/> when <see cref="RequireServerAuth"/> is set.</summary>
    public CertificatePurpose EffectivePurpose => RequireServerAuth ? CertificatePurpose.Server : Purpose;

    /// <summary>RSA keys below this size are refused even outside FIPS mode.</summary>
    public int MinimumRsaBits { get; init; } = 1024;

    /// <summary>user-initial-policy-set (RFC 5280 §6.1.1 (c)): policy OIDs; default anyPolicy.</summary>
    public IReadOnlyList<string> InitialPolicies { get; init; } = [AnyPolicy];

    /// <summary>initial-explicit-policy (RFC 5280 §6.1.1 (f)): the path must be valid for a policy of the initial set.</summary>
    public bool RequireExplicitPolicy { get; init; }

    /// <summary>initial-policy-mapping-inhibit (RFC 5280 §6.1.1 (e)).</summary>
    public bool InhibitPolicyMapping { get; init; }

    /// <summary>initial-any-policy-inhibit (RFC 5280 §6.1.1 (g)).</summary>
    public bool InhibitAnyPolicy { get; init; }

    /// <summary>What is checked on the trust anchor itself; default <see cref="TrustAnchorChecks.OpenSsl"/> (see docs/pki.md).</summary>
    public TrustAnchorChecks AnchorChecks { get; init; } = TrustAnchorChecks.OpenSsl;

    /// <summary>Also apply the RFC 5280 §4 profile rules a CA must follow when issuing (<see cref="ProfileRules"/>); off by default, as in IM&amp;P's validators.</summary>
    public bool StrictProfile { get; init; }

    /// <summary>Bounds of the path search (candidate paths, depth, work).</summary>
    public PathSearchLimits SearchLimits { get; init; } = PathSearchLimits.Default;

    /// <summary>True when the policy inputs differ from RFC 5280's defaults.</summary>
    internal bool HasPolicyInputs =>
        RequireExplicitPolicy || InhibitPolicyMapping || InhibitAnyPolicy || InitialPolicies.Count != 1 || InitialPolicies[0] != AnyPolicy;
}
