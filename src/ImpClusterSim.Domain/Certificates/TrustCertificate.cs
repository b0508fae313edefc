using ImpClusterSim.Pki;

namespace ImpClusterSim.Domain.Certificates;

/// <summary>
/// A certificate in a named trust store with the description the administrator entered. <see cref="FileName"/> is
/// "&lt;CN&gt;_&lt;serialhex&gt;.pem" (domain facts §3.2.10).
/// </summary>
public sealed record TrustCertificate(string Store, string FileName, Certificate Certificate, string Description)
{
    /// <summary>"tomcat-trust/imp1.example.com_1a2b.pem", as <c>show cert list trust</c> names it.</summary>
    public string Path => $"{Store}/{FileName}";

    public static TrustCertificate For(string store, Certificate certificate, string description) =>
        new(store, TrustEntry.FileNameFor(certificate), certificate,
            string.IsNullOrWhiteSpace(description) ? certificate.SubjectCommonName : description.Trim());
}
