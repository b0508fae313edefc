using ImpClusterSim.Pki;

namespace ImpClusterSim.Domain.Tls;

/// <summary>
/// The validation options of IM&amp;P's two certificate-path validators, so every connection the simulator models
/// validates as the stack that really carries it (issue 11, item 4; the table and its sources are in docs/pki.md,
/// "Trust anchors"). They differ only in what they check on the trust anchor itself.
/// </summary>
public static class ImpValidators
{
    /// <summary>
    /// Java PKIX (JSSE's PKIXValidator / PKIXCertPathValidator): Cisco Tomcat and the platform's certificate
    /// management (certificate upload, the Certificate Import Tool), and the Cisco Intercluster Sync Agent's AXL/HTTPS
    /// client. The anchor is a name and a key (RFC 5280 §6.1.1 (d)): an expired or non-CA certificate in
    /// tomcat-trust is still an anchor. <paramref name="at"/> is the validating node's clock (virtual time, UTC).
    /// </summary>
    public static ValidationOptions JavaPkix(DateTime at) => new(at) { AnchorChecks = TrustAnchorChecks.None };

    /// <summary>
    /// OpenSSL's X509_verify_cert: the Cisco XCP Router and its connection managers (cup-xmpp, cup-xmpp-s2s), the
    /// Cisco SIP Proxy (cup), and CUCM's SIP trunk TLS. The anchor's validity, CA status, key usage and name
    /// constraints are checked (<see cref="TrustAnchorChecks.OpenSsl"/>). <paramref name="at"/> is the validating
    /// node's clock (virtual time, UTC).
    /// </summary>
    public static ValidationOptions OpenSsl(DateTime at) => new(at) { AnchorChecks = TrustAnchorChecks.OpenSsl };
}
