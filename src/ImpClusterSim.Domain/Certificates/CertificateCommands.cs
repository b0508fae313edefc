using ImpClusterSim.Pki;

namespace ImpClusterSim.Domain.Certificates;

/// <summary>An administrator's certificate operation (OS Administration &gt; Security &gt; Certificate Management, or the CLI).</summary>
public abstract record CertificateCommand;

/// <summary>
/// Upload Certificate/Certificate chain into a trust store: PEM text with one or more certificates (or PKCS#7).
/// <see cref="SignedBy"/> names the previously uploaded certificate that signed it (file name or CN), as the guide
/// asks for each intermediate; null leaves the check to the store (the issuer must already be there).
/// </summary>
public sealed record UploadTrustCertificate(string Store, string Pem, string Description, string? SignedBy = null) : CertificateCommand;

/// <summary>
/// Upload a CA-signed certificate for a unit (tomcat, cup, cup-xmpp, cup-xmpp-s2s, CallManager). The GUI asks for a
/// description; the certificate list shows "Certificate Signed by &lt;issuer CN&gt;" whatever it says (§3.2.11).
/// </summary>
public sealed record UploadSignedCertificate(string Unit, string Pem, string Description = "") : CertificateCommand;

/// <summary>Generate a CSR for a unit; overwrites the unit's previous CSR (domain facts §3.2.9). Null algorithm: the unit's current one.</summary>
public sealed record GenerateCsr(string Unit, KeyAlgorithm? Algorithm = null, SignatureHash Hash = SignatureHash.Sha256) : CertificateCommand;

/// <summary>Regenerate a unit's self-signed certificate; overwrites a CA-signed one (domain facts §3.2.8).</summary>
public sealed record RegenerateCertificate(string Unit) : CertificateCommand;

/// <summary>Download a file: "cup.pem", "cup/cup.pem", "tomcat.csr", or a trust file "tomcat-trust/&lt;CN&gt;_&lt;serial&gt;.pem".</summary>
public sealed record DownloadCertificate(string File) : CertificateCommand;

/// <summary>Delete a certificate from a trust store, by its file name.</summary>
public sealed record DeleteTrustCertificate(string Store, string FileName) : CertificateCommand;

/// <summary>
/// <c>utils fips enable|disable</c> as the certificates see it: the mode changes and every own certificate is
/// regenerated self-signed with RSA 2048 and SHA-256 (domain facts §4.2, §4.4); CA-signed ones are replaced.
/// </summary>
public sealed record SetFipsMode(bool Enabled) : CertificateCommand;
