namespace ImpClusterSim.Pki;

/// <summary>What kind of check a chain failed, so callers can react without reading the words.</summary>
public enum ValidationFailureKind
{
    /// <summary>No path reaches a trusted certificate.</summary>
    Untrusted,

    /// <summary>A signature does not verify, or the signer's key cannot be read.</summary>
    Signature,

    /// <summary>An issuer name does not match the subject of the certificate that signs it.</summary>
    NameChaining,

    Expired,

    NotYetValid,

    /// <summary>A certificate that signs another is not a CA, or its key usage lacks Certificate Sign.</summary>
    NotACertificateAuthority,

    /// <summary>A CA's path-length constraint is exceeded.</summary>
    PathLength,

    /// <summary>A critical extension this validator does not process.</summary>
    CriticalExtension,

    /// <summary>A weak key or a broken signature hash (outside the FIPS policy).</summary>
    WeakAlgorithm,

    /// <summary>The FIPS policy refuses a certificate of the path.</summary>
    Fips,

    /// <summary>The leaf may not be used for the requested purpose (EKU or key usage), or a CA above it restricts its EKU (name kept from when the only purpose was a TLS server).</summary>
    ServerUsage,

    /// <summary>The leaf does not name the host.</summary>
    NameMismatch,

    /// <summary>No certificate policy is valid for the path where one is required, or a policy mapping is forbidden (RFC 5280 §6.1).</summary>
    CertificatePolicy,

    /// <summary>A name lies outside a permitted subtree or inside an excluded one (RFC 5280 §4.2.1.10).</summary>
    NameConstraints,

    /// <summary>A certificate breaks an RFC 5280 §4 profile rule (only with <see cref="ValidationOptions.StrictProfile"/>).</summary>
    Profile,

    /// <summary>The path search stopped at its limits (<see cref="PathSearchLimits"/>) without finding a valid path.</summary>
    SearchLimit,
}

/// <summary>One failed check: its kind and the reason in plain words.</summary>
public sealed record ValidationFailure(ValidationFailureKind Kind, string Reason);
