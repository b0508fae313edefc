namespace ImpClusterSim.Pki;

/// <summary>
/// The Cisco Unified OS refuses to install a wildcard certificate as a node's own certificate (domain facts §3.2.6,
/// CUCM Security Guide 12.5(1)SU6, "Certificates": no wildcard certificates), except the XMPP federation certificate
/// cup-xmpp-s2s, which IM&amp;P itself makes with "*.domain" SANs when "Enable Wildcards in XMPP Federation Security
/// Certificates" is on (§3.2.3). This is an upload rule, not a validation rule: a peer's wildcard certificate is
/// matched by <see cref="HostNameMatcher"/> under RFC 6125.
/// </summary>
public static class WildcardUploadRule
{
    /// <summary>Null when <paramref name="certificate"/> may be installed for <paramref name="unit"/>; otherwise the refusal.</summary>
    public static string? Check(CertificateUnit unit, Certificate certificate)
    {
        if (unit.CarriesHostedDomains)
        {
            return null;
        }
        var names = certificate.DnsNames.Count > 0 ? certificate.DnsNames : [certificate.SubjectCommonName];
        var wildcard = names.FirstOrDefault(n => n.Contains('*', StringComparison.Ordinal));
        return wildcard is null ? null : $"{unit.Name} does not accept wildcard certificates ('{wildcard}')";
    }
}
