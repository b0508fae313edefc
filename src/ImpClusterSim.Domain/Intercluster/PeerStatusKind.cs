namespace ImpClusterSim.Domain.Intercluster;

/// <summary>The kinds of Certificate Status a peer can show; the wording is in <see cref="PeerStatus"/>.</summary>
public enum PeerStatusKind
{
    /// <summary>No successful sync yet (the initial state, or the local Sync Agent has not finished, §1.1.9).</summary>
    Failed,

    /// <summary>TLS peer whose presented Tomcat chain validated: "Connection is secure".</summary>
    Secure,

    /// <summary>TCP peer synced: no certificates are exchanged over a TCP peer.</summary>
    TcpConnected,

    /// <summary>The peer's Tomcat certificate changed and does not validate against the local tomcat-trust.</summary>
    OutOfSync,

    /// <summary>The peer did not answer (timeout, Tomcat/AXL down, wrong credentials, not configured on the peer).</summary>
    NotReachable,

    /// <summary>One side is in FIPS mode and the other is not: no certificate is exchanged.</summary>
    FipsMismatch,

    /// <summary>The presented chain does not validate for another reason (expired, wrong name, weak algorithm in FIPS mode).</summary>
    ValidationFailed,
}
