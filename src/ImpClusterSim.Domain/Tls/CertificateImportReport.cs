using System.Collections.Immutable;
using System.Globalization;
using ImpClusterSim.Domain.Settings;
using ImpClusterSim.Pki;

namespace ImpClusterSim.Domain.Tls;

/// <summary>
/// What the Certificate Import Tool reports (domain facts §3.3.4, §3.3.5) and what follows from it: the
/// certificates to import into <see cref="TrustStore"/> (root first), and the TLS peer subject that IM&amp;P then
/// adds to the TLS Peer Subjects list and to <see cref="CertificateImportTool.SipProxyTlsContext"/> (§3.3.7).
/// </summary>
public sealed record CertificateImportReport(
    string TrustStore,
    string PeerHost,
    int Port,
    string Reachability,
    string Verification,
    ImmutableArray<string> Reasons,
    ImmutableArray<Certificate> CertificatesToImport,
    TlsPeerSubject? PeerSubject)
{
    public bool Verified => Verification == CertificateImportTool.Verified;

    /// <summary>"SSL Connection/Certificate Verification - Verified", as the tool writes it.</summary>
    public string VerificationText => $"SSL Connection/Certificate Verification - {Verification}";

    /// <summary>The two report lines.</summary>
    public ImmutableArray<string> Lines =>
    [
        $"Peer Server Reachability Status: {PeerHost}:{Port.ToString(CultureInfo.InvariantCulture)} {Reachability}",
        $"SSL Connection/Certificate Verification Status: {VerificationText}",
    ];
}
