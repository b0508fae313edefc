using System.Collections.Immutable;
using System.Globalization;
using ImpClusterSim.Domain.Settings;
using ImpClusterSim.Domain.Topology;
using ImpClusterSim.Scenarios.Language;

namespace ImpClusterSim.Scenarios.Runner;

/// <summary>
/// The guide's GUI menu paths, as the same operations the scenario language names: a `menu` step with the path the
/// guide writes, the button (action) and the fields as the page labels them is played exactly like the equivalent
/// operation. The path is matched on its last part(s), so "Cisco Unified IM and Presence OS Administration &gt;
/// Security &gt; Certificate Management" and "OS Administration &gt; Security &gt; Certificate Management" both work.
/// </summary>
internal static class MenuPaths
{
    /// <summary>The operations a menu step stands for, or the reason it is not modelled.</summary>
    public static (ImmutableArray<Operation> Operations, string? NotModelled) Translate(MenuAction m, Deployment topology)
    {
        var path = m.Path;
        var action = (m.Action ?? "").Trim();
        var a = m.Args;
        string? Arg(params string[] names) => names.Select(n => a.GetValueOrDefault(n)).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
        bool Is(string suffix) => path.TrimEnd().EndsWith(suffix, StringComparison.OrdinalIgnoreCase);
        bool Act(params string[] names) => names.Any(n => action.StartsWith(n, StringComparison.OrdinalIgnoreCase));
        ImmutableArray<Operation> One(Operation op) => [op];
        var s = m.Span;

        if (Is("Certificate Management"))
        {
            var name = Arg("Certificate Name", "Certificate Purpose", "Unit", "Store");
            if (name is null) return ([], "the Certificate Management page needs a 'Certificate Name'");
            var isStore = name.EndsWith("-trust", StringComparison.OrdinalIgnoreCase);
            if (Act("Upload") && Arg("CA", "Signed By", "File") is null)
                return ([], "Upload needs the certificate: a 'File', or the scenario 'CA' (or 'Signed By' for a leaf)");
            if (Act("Upload"))
                return (isStore
                    ? One(new UploadTrust(name, Arg("CA"), Arg("File"), Arg("Signed By", "Signer"), Arg("Description"), s))
                    : One(new UploadLeaf(name, Arg("Signed By", "CA"), Arg("File"), Arg("Description"), s)), null);
            if (Act("Generate CSR")) return (One(new GenerateCsr(name, s)), null);
            if (Act("Regenerate")) return (One(new Regenerate(name, s)), null);
            if (Act("Download")) return (One(new DownloadCert(name, s)), null);
            if (Act("Delete") && isStore) return (One(new DeleteTrust(name, Arg("File", "Name"), Arg("CA"), s)), null);
        }

        if (Is("Certificate Import Tool") && Act("Submit", ""))
        {
            var port = int.TryParse(Arg("Port"), NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 5061;
            return (One(new CertificateImportTool(Arg("Certificate Trust Store") ?? "IM and Presence (IM/P) Service Trust",
                Arg("Peer Server", "Host", "IP Address, Hostname or FQDN"), port, s)), null);
        }

        if (Is("TLS Peer Subjects") && Arg("Peer Subject Name") is { } subject)
            return (One(new TlsPeerSubjectChange(!Act("Delete"), subject, Arg("Description"), s)), null);

        if (Is("TLS Context Configuration") && Arg("Selected TLS Peer Subjects", "TLS Peer Subject") is { } selected)
            return (One(new TlsContextChange(!Act("Remove", "Deselect"), selected, SecuritySettingInfo.SipProxyTlsContextName, s)), null);

        if (Is("Security > Settings") || Is("Security > General Settings"))
        {
            var changes = SecuritySettingInfo.All
                .Where(i => i.Setting != SecuritySetting.SipProxyTlsContext)
                .SelectMany(i => a.Where(kv => string.Equals(kv.Key, i.Label, StringComparison.OrdinalIgnoreCase)
                        || (i.Setting == SecuritySetting.UseDomainNameForXmppCertificateSubjectCommonName
                            && string.Equals(kv.Key, SecuritySettingInfo.UseDomainNameLabelLater, StringComparison.OrdinalIgnoreCase)))
                    .Select(kv => (Operation)new ChangeSetting(i.Label, i.Setting, kv.Value, s)))
                .ToImmutableArray();
            return changes.IsEmpty ? ([], "no field of the Security Settings page was given") : (changes, null);
        }

        if (Is("Customized Logon Message"))
            return Arg("Text", "File") is null
                ? ([], "Upload File needs the banner: a 'File' (.txt) or its 'Text'")
                : (One(new UploadBanner(Arg("Text"), Arg("File"), s)), null);

        if (Is("Inter-Clustering"))
        {
            var peer = Arg("Peer Address", "Peer");
            var cluster = peer is null ? null : ClusterOf(peer, topology);
            if (cluster is null) return ([], $"'{peer}' is not the publisher of an IM and Presence cluster of this deployment");
            if (Act("Force Manual Sync"))
                return (One(new ForceManualSync(cluster, IsChecked(Arg("Also resync peer's Tomcat certificates")), s)), null);
            if (Act("Delete")) return (One(new DeletePeer(cluster, s)), null);
            var protocol = string.Equals(Arg("Protocol"), "TLS", StringComparison.OrdinalIgnoreCase) ? PeerProtocol.Tls : PeerProtocol.Tcp;
            return (One(new AddPeer(cluster, protocol, Arg("AXL Username"), s)), null);
        }

        if ((Is("Service Activation") || path.Contains("Control Center", StringComparison.OrdinalIgnoreCase)) && Arg("Service") is { } service)
        {
            ServiceAction? verb = action.ToLowerInvariant() switch
            {
                "start" or "activate" => ServiceAction.Start,
                "stop" or "deactivate" => ServiceAction.Stop,
                "restart" => ServiceAction.Restart,
                _ => null,
            };
            if (verb is { } v) return (One(new ServiceControl(v, service, s)), null);
        }

        if (Is("SIP Trunk Security Profile") && Arg("Name") is { } profile)
            return (One(new SipSecurityProfile(profile, Arg("X.509 Subject Name"), s)), null);

        if (Is("Device > Trunk") && Arg("Device Name", "Name") is { } trunk)
            return (One(new SipTrunk(trunk, Arg("Destination Address"), Arg("SIP Trunk Security Profile"), s)), null);

        return ([], "this page is not modelled");
    }

    private static bool IsChecked(string? value) =>
        value is not null && value.Trim().ToLowerInvariant() is "checked" or "true" or "yes" or "on";

    private static string? ClusterOf(string address, Deployment topology) =>
        topology.ImpClusters.FirstOrDefault(c => string.Equals(c.Name, address, StringComparison.OrdinalIgnoreCase)
            || string.Equals(c.Publisher.Name, address, StringComparison.OrdinalIgnoreCase)
            || string.Equals(c.Publisher.Fqdn, address, StringComparison.OrdinalIgnoreCase)
            || c.Publisher.IpAddress == address)?.Name;
}
