namespace ImpClusterSim.Pki;

/// <summary>
/// What is checked on the trust anchor itself. RFC 5280 §6.1.1 (d) makes the anchor only a name and a key, so a pure
/// RFC validator checks nothing on it (Java's PKIX, used by IM&amp;P's Tomcat and Intercluster Sync Agent, does the
/// same); OpenSSL (IM&amp;P's XCP and SIP stacks) checks its validity period, its CA status and its key usage.
/// Sources are in docs/pki.md.
/// </summary>
[Flags]
public enum TrustAnchorChecks
{
    /// <summary>The anchor is a name and a key (RFC 5280 §6.1.1 (d); Java PKIX).</summary>
    None = 0,

    /// <summary>The anchor must be within its validity period at the validation time.</summary>
    Validity = 1,

    /// <summary>The anchor must be a CA (basic constraints cA, or a version 1 self-signed certificate), and its pathLenConstraint applies.</summary>
    BasicConstraints = 2,

    /// <summary>When the anchor has a key usage extension, it must allow Certificate Sign.</summary>
    KeyUsage = 4,

    /// <summary>The anchor's own name constraints restrict the names below it (RFC 5280 leaves this to the anchor's inputs).</summary>
    NameConstraints = 8,

    /// <summary>What OpenSSL's X509_verify_cert checks on the anchor (the default).</summary>
    OpenSsl = Validity | BasicConstraints | KeyUsage | NameConstraints,
}
