namespace ImpClusterSim.Domain.Tls;

/// <summary>Why a TLS connection is not secure.</summary>
public enum TlsFailureKind
{
    /// <summary>No path from the presented chain to the client's trust store (or a broken signature, a non-CA signer, ...).</summary>
    Untrusted,

    /// <summary>A certificate of the path expired, at the client's clock.</summary>
    Expired,

    /// <summary>A certificate of the path is not valid yet, at the client's clock.</summary>
    NotYetValid,

    /// <summary>The leaf does not name the host the client connected to.</summary>
    NameMismatch,

    /// <summary>One side is in FIPS mode and the other is not (domain facts §4.6).</summary>
    FipsPeerMismatch,

    /// <summary>A key or signature algorithm the client refuses (FIPS policy on a FIPS node, weak RSA, MD5).</summary>
    WeakAlgorithm,

    /// <summary>The leaf is not usable by a TLS server (key usage, extended key usage).</summary>
    WrongKeyUsage,
}

/// <summary>One reason, in plain words.</summary>
public sealed record TlsFailure(TlsFailureKind Kind, string Message);
