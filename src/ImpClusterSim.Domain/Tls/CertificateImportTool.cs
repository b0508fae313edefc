using System.Collections.Immutable;
using System.Net;
using ImpClusterSim.Domain.Certificates;
using ImpClusterSim.Domain.Settings;
using ImpClusterSim.Pki;

namespace ImpClusterSim.Domain.Tls;

/// <summary>
/// The Certificate Import Tool's logic (seed "Import Cisco Unified Communications Manager Certificate to IM and
/// Presence Service"; domain facts §3.3.4, §3.3.5, §3.3.7). It installs what the peer presented: a self-signed leaf
/// as is, or a CA-signed leaf with the chain it sent; a chain it cannot complete (from what was sent and what the
/// store already holds) is "Certificate Missing From Chain" and nothing is imported.
/// </summary>
public static class CertificateImportTool
{
    /// <summary>The menu entry the guide chooses (cup-trust).</summary>
    public const string ImAndPresenceServiceTrust = "IM and Presence (IM/P) Service Trust";

    /// <summary>Other menu entries (chosen labels).</summary>
    public const string TomcatTrustChoice = "Tomcat Trust";
    public const string XmppTrustChoice = "XMPP Trust";

    public const string SipProxyTlsContext = SecuritySettingInfo.SipProxyTlsContextName;

    public const string Pingable = "(pingable)";
    public const string Unreachable = "(unreachable)";
    public const string Verified = "Verified";
    public const string Failed = "Failed";
    public const string FailedMissingFromChain = "Failed - Certificate Missing From Chain";
    public const string FailedSubjectCnMismatch = "Failed - Subject CN Mismatch";
    public const string FailedSanMismatch = "Failed - SAN Mismatch";
    public const string FailedNetworkError = "Failed - Network Error";

    /// <summary>The trust store of a menu entry (or of a store name typed directly); null when unknown.</summary>
    public static string? TrustStoreFor(string choice) => choice.Trim() switch
    {
        var c when string.Equals(c, ImAndPresenceServiceTrust, StringComparison.OrdinalIgnoreCase) => TrustStoreNames.CupTrust,
        var c when string.Equals(c, TomcatTrustChoice, StringComparison.OrdinalIgnoreCase) => TrustStoreNames.TomcatTrust,
        var c when string.Equals(c, XmppTrustChoice, StringComparison.OrdinalIgnoreCase) => TrustStoreNames.CupXmppTrust,
        var c => TrustStoreNames.Resolve(c, Topology.NodeKind.Imp),
    };

    public static CertificateImportReport Run(NodeCertificates node, CertificateImportRequest request)
    {
        var storeName = TrustStoreFor(request.TrustStoreChoice)
            ?? throw new ArgumentException($"unknown Certificate Trust Store '{request.TrustStoreChoice}'", nameof(request));
        CertificateImportReport Report(string reachability, string verification, IEnumerable<string> reasons,
            ImmutableArray<Certificate> import = default, TlsPeerSubject? subject = null) =>
            new(storeName, request.PeerHost, request.Port, reachability, verification, [.. reasons],
                import.IsDefault ? [] : import, subject);

        if (!request.Reachable)
        {
            return Report(Unreachable, FailedNetworkError, [$"{request.PeerHost}:{request.Port} did not answer"]);
        }
        if (request.PresentedChain.IsDefaultOrEmpty)
        {
            return Report(Pingable, Failed, ["the peer presented no certificate"]);
        }
        var chain = request.PresentedChain;
        var leaf = chain[0];
        if (NameMismatch(leaf, request.PeerHost) is { } mismatch)
        {
            return Report(Pingable, mismatch.Status, [mismatch.Reason]);
        }
        var store = node.GetTrustStore(storeName);
        var missing = MissingIssuer(leaf, chain, store);
        if (missing is not null)
        {
            return Report(Pingable, FailedMissingFromChain, [$"the peer did not send '{missing.Issuer}', which signs '{missing.Subject}'"]);
        }
        var anchors = store.Certificates.Concat(chain.Where(c => c.IsSelfSigned));
        var validation = ChainValidator.Validate(leaf, chain.Skip(1), anchors, ImpValidators.JavaPkix(request.At) with { Fips = node.Fips });
        if (!validation.IsValid)
        {
            return Report(Pingable, Failed, validation.Reasons);
        }
        var import = SignatureCheck.RootFirst(chain).Where(c => !store.Contains(c)).ToImmutableArray();
        return Report(Pingable, Verified, [], import, new TlsPeerSubject(leaf.SubjectCommonName, request.PeerHost));
    }

    /// <summary>Imports a verified report's certificates into the node's chosen store (nothing when not verified).</summary>
    public static CertificateResult ImportInto(NodeCertificates node, CertificateImportReport report) =>
        report.Verified
            ? node.ImportTrust(report.TrustStore, report.CertificatesToImport, $"Imported from {report.PeerHost} by the Certificate Import Tool")
            : CertificateResult.Refused(node, report.VerificationText);

    /// <summary>The TLS peer subject added to the list and selected in the SIP Proxy's TLS context (§3.3.7).</summary>
    public static SecuritySettings ApplyPeerSubject(SecuritySettings settings, CertificateImportReport report) =>
        report.PeerSubject is { } subject ? settings.OnCertificateImported(subject.Name, subject.Description) : settings;

    private static (string Status, string Reason)? NameMismatch(Certificate leaf, string host)
    {
        if (IPAddress.TryParse(host, out _))
        {
            return null;
        }
        var names = leaf.DnsNames.Append(leaf.SubjectCommonName).ToArray();
        var wanted = host.Trim().TrimEnd('.');
        var matches = names.Any(n => string.Equals(n, wanted, StringComparison.OrdinalIgnoreCase)
            || (!wanted.Contains('.', StringComparison.Ordinal) && n.StartsWith(wanted + ".", StringComparison.OrdinalIgnoreCase)));
        if (matches)
        {
            return null;
        }
        return leaf.DnsNames.Count > 0
            ? (FailedSanMismatch, $"'{host}' is not among the SAN names {string.Join(", ", leaf.DnsNames)}")
            : (FailedSubjectCnMismatch, $"'{host}' does not match the subject CN '{leaf.SubjectCommonName}'");
    }

    /// <summary>The first certificate up the chain whose issuer neither was sent nor is in the store; null when complete.</summary>
    private static Certificate? MissingIssuer(Certificate leaf, ImmutableArray<Certificate> chain, TrustStore store)
    {
        var current = leaf;
        for (var depth = 0; depth <= chain.Length && !current.IsSelfSigned; depth++)
        {
            if (store.Certificates.Any(c => current.IsSignedBy(c)))
            {
                return null;
            }
            var issuer = chain.FirstOrDefault(c => !c.Equals(current) && current.IsSignedBy(c));
            if (issuer is null)
            {
                return current;
            }
            current = issuer;
        }
        return null;
    }
}
