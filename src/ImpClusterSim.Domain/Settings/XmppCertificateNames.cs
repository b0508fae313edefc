using System.Collections.Immutable;

namespace ImpClusterSim.Domain.Settings;

/// <summary>The names in a certificate (subject CN and SAN DNS names) as plain strings: no PKI dependency here.</summary>
public sealed record XmppCertificateNames(string CommonName, ImmutableArray<string> SubjectAltNames)
{
    /// <summary>True when the CN or a SAN is <paramref name="domain"/>, or a SAN is the wildcard *.domain (case-insensitive).</summary>
    public bool Covers(string domain) =>
        string.Equals(CommonName, domain, StringComparison.OrdinalIgnoreCase) ||
        SubjectAltNames.Any(n => string.Equals(n, domain, StringComparison.OrdinalIgnoreCase) ||
                                 string.Equals(n, "*." + domain, StringComparison.OrdinalIgnoreCase));
}
