using System.Net;

namespace ImpClusterSim.Pki;

/// <summary>
/// Matches a host name or IP address against a server certificate. DNS names follow RFC 6125 §6.4: the SAN dNSNames
/// when there is at least one, otherwise the CN (§6.4.4); case-insensitive, a trailing dot ignored; a wildcard only
/// as the whole left-most label of a name with at least two more labels, matching exactly one label (§6.4.3; no
/// partial wildcards such as "imp*.example.com"). IP addresses match only iPAddress SANs, byte for byte, never a
/// wildcard, a dNSName or the CN (RFC 2818 §3.1, RFC 6125 §1.7.2). Refusing to *upload* a wildcard certificate is a
/// separate rule (<see cref="WildcardUploadRule"/>).
/// </summary>
public static class HostNameMatcher
{
    public static bool Matches(Certificate certificate, string hostName) => Check(certificate, hostName) is null;

    /// <summary>Null when the certificate names the host; otherwise why not, in plain words.</summary>
    public static string? Check(Certificate certificate, string hostName)
    {
        var trimmed = hostName.Trim();
        if (IPAddress.TryParse(trimmed, out var address) && (trimmed.Contains(':', StringComparison.Ordinal) || trimmed.Count(c => c == '.') == 3))
        {
            var addresses = certificate.IpAddresses;
            if (addresses.Any(a => IPAddress.Parse(a).Equals(address)))
            {
                return null;
            }
            var listed = addresses.Count > 0 ? $"SAN IP addresses: {string.Join(", ", addresses)}" : "no iPAddress SAN";
            return $"certificate '{certificate.Subject}' is not valid for the IP address '{hostName}' ({listed})";
        }
        var host = Normalise(hostName);
        var dnsNames = certificate.DnsNames;
        var names = dnsNames.Count > 0 ? dnsNames : [certificate.SubjectCommonName];
        if (names.Any(n => NameMatches(Normalise(n), host)))
        {
            return null;
        }
        var where = dnsNames.Count > 0 ? $"SAN: {string.Join(", ", dnsNames)}" : $"no SAN, CN '{certificate.SubjectCommonName}'";
        return $"certificate '{certificate.Subject}' is not valid for '{hostName}' ({where})";
    }

    private static string Normalise(string name) => name.Trim().TrimEnd('.').ToLowerInvariant();

    private static bool NameMatches(string pattern, string host)
    {
        if (!pattern.Contains('*', StringComparison.Ordinal))
        {
            return pattern == host;
        }
        // RFC 6125 §6.4.3 as the CA/Browser Forum and OpenSSL's X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS apply it:
        // "*" is the whole left-most label, the rest has at least two labels and no other "*".
        if (!pattern.StartsWith("*.", StringComparison.Ordinal) || pattern.IndexOf('*', 1) >= 0)
        {
            return false;
        }
        var rest = pattern[2..];
        if (!rest.Contains('.', StringComparison.Ordinal) || host.Contains('*', StringComparison.Ordinal))
        {
            return false;
        }
        var dot = host.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && host[(dot + 1)..] == rest;
    }
}
