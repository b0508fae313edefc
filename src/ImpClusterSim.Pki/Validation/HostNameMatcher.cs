namespace ImpClusterSim.Pki;

/// <summary>
/// Matches a host name against a server certificate as Cisco does: SAN dNSNames when present, otherwise the CN;
/// case-insensitive; no wildcards (domain facts §3.2.6: CUCM accepts no wildcard certificates).
/// </summary>
public static class HostNameMatcher
{
    public static bool Matches(Certificate certificate, string hostName) => Check(certificate, hostName) is null;

    /// <summary>Null when the certificate names the host; otherwise why not.</summary>
    public static string? Check(Certificate certificate, string hostName)
    {
        var host = Normalise(hostName);
        var dnsNames = certificate.DnsNames;
        var names = dnsNames.Count > 0 ? dnsNames : [certificate.SubjectCommonName];
        if (names.Any(n => Normalise(n) == host && !n.Contains('*', StringComparison.Ordinal)))
        {
            return null;
        }
        var wildcard = names.FirstOrDefault(n => n.Contains('*', StringComparison.Ordinal));
        if (wildcard is not null && WildcardWouldMatch(Normalise(wildcard), host))
        {
            return $"certificate '{certificate.Subject}' names '{hostName}' only through the wildcard '{wildcard}', and wildcard certificates are not accepted";
        }
        var where = dnsNames.Count > 0 ? $"SAN: {string.Join(", ", dnsNames)}" : $"no SAN, CN '{certificate.SubjectCommonName}'";
        return $"certificate '{certificate.Subject}' is not valid for '{hostName}' ({where})";
    }

    private static string Normalise(string name) => name.Trim().TrimEnd('.').ToLowerInvariant();

    private static bool WildcardWouldMatch(string pattern, string host)
    {
        if (!pattern.StartsWith("*.", StringComparison.Ordinal))
        {
            return false;
        }
        var dot = host.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && host[(dot + 1)..] == pattern[2..];
    }
}
