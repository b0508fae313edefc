using ImpClusterSim.Domain.Cli;
using ImpClusterSim.Domain.Intercluster;
using ImpClusterSim.Node.Runtime;
using ImpClusterSim.Scenarios.Language;

namespace ImpClusterSim.Scenarios.Runner;

/// <summary>Services, peers, FIPS, settings, banner, CUCM pages, the Certificate Import Tool, the CLI and menu paths.</summary>
internal sealed partial class OperationExecutor
{
    /// <summary>
    /// The AXL user and password a peer entry carries: the intercluster application user that Cisco AXL Web Service
    /// creates on every cluster (domain facts §1.1.10); a scenario's 'axl-user' replaces the user name only.
    /// </summary>
    public const string DefaultAxlUser = "InterClusterApplicationUser";

    public const string DefaultAxlPassword = "Cisco-1234";

    private void ServiceCli(string node, Language.ServiceControl s) =>
        Cli(node, s.Kind, $"utils service {s.Kind.Replace("-service", "", StringComparison.Ordinal)} {s.Service}", ("service", s.Service));

    private string? Cli(string node, string kind, string line, params (string, string)[] details)
    {
        var reply = C.Request<CliReply>(node, r => new CliRequest(line, r));
        // A step means what it says: a warning's yes/no question ('set cert regen') is answered yes.
        if (reply is not null && AsksYesNo(reply.Output))
        {
            var confirmed = C.Request<CliReply>(node, r => new CliRequest("yes", r));
            if (confirmed is not null) reply = confirmed with { Output = CliText.Lines(reply.Output.TrimEnd(), confirmed.Output) };
        }

        var output = reply?.Output;
        var result = reply is null ? "no reply" : output!.Contains(CliText.ExecutedUnsuccessfully, StringComparison.Ordinal) ? "refused" : "accepted";
        var shown = output?.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault(l => l != CliText.ServiceManagerRunning) ?? "";
        C.Record(node, kind, [.. details.Length == 0 ? [("command", line)] : details, ("result", result), ("reply", shown)]);
        return output;
    }

    private void Fips(string node, string kind, string line)
    {
        var reply = C.Request<CliReply>(node, r => new CliRequest(line, r));
        if (reply is not null && reply.Output.TrimEnd().EndsWith("(yes/no)?", StringComparison.Ordinal))
            reply = C.Request<CliReply>(node, r => new CliRequest("yes", r));
        var output = reply?.Output ?? "";
        var result = reply is null ? "no reply" : output.Contains(CliText.ExecutedUnsuccessfully, StringComparison.Ordinal) ? "refused" : "accepted";
        var shown = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault(l => l.Contains("FIPS", StringComparison.Ordinal)) ?? RunContext.FirstLine(output);
        C.Record(node, kind, ("command", line + " / yes"), ("result", result), ("reply", shown));
    }

    private static bool AsksYesNo(string output)
    {
        var end = output.TrimEnd();
        return end.EndsWith("(yes|no)?", StringComparison.Ordinal) || end.EndsWith("(yes/no)?", StringComparison.Ordinal);
    }

    /// <summary>Peer entries name the peer cluster's publisher by its FQDN, as the Presence Topology does.</summary>
    private string PeerAddress(string peer) => C.PublisherOf(peer).Fqdn;

    private void AddPeer(string node, Language.AddPeer p)
    {
        var peer = new InterclusterPeer(PeerAddress(p.PeerCluster), p.AxlUser ?? DefaultAxlUser, DefaultAxlPassword,
            p.Protocol == Language.PeerProtocol.Tls ? Domain.Intercluster.PeerProtocol.Tls : Domain.Intercluster.PeerProtocol.Tcp);
        Intercluster(node, p.Kind, new Domain.Intercluster.AddPeer(peer), ("peer", peer.PeerAddress), ("protocol", p.Protocol.ToString().ToUpperInvariant()));
    }

    private void Intercluster(string node, string kind, IcsaCommand command, params (string, string)[] details) =>
        Admin(node, kind, r => new InterclusterOperation(command, r), details);

    private void Setting(string node, string kind, Domain.Settings.SettingsEdit edit, params (string, string)[] details) =>
        Admin(node, kind, r => new SettingsOperation(edit, r), details);

    private void TlsContext(string node, TlsContextChange t)
    {
        if (t.Context != Domain.Settings.SelectTlsPeerSubjectEdit.Context)
        {
            C.Record(node, t.Kind, ("context", t.Context), ("result", "not modelled"), ("reply", "only " + Domain.Settings.SelectTlsPeerSubjectEdit.Context + " is modelled"));
            return;
        }

        Setting(node, t.Kind, new Domain.Settings.SelectTlsPeerSubjectEdit(t.Subject, t.Select), ("subject", t.Subject), ("action", t.Select ? "select" : "deselect"));
    }

    private void Banner(string node, UploadBanner b)
    {
        string name;
        string text;
        if (b.Text is { } inline)
        {
            (name, text) = ("banner.txt", inline);
        }
        else if (ReadFile(node, b.Kind, b.File!) is { } content)
        {
            (name, text) = (Path.GetFileName(b.File!), content);
        }
        else return;

        Admin(node, b.Kind, r => new UploadLoginBanner(name, Bytes(text), r), ("file", name));
    }

    /// <summary>The tool connects over the network: its report comes later in virtual time and is recorded when it does.</summary>
    private void ImportTool(string node, CertificateImportTool t)
    {
        // A node name of the topology, or what the administrator typed (IP address, host name or FQDN) as it is.
        var host = t.Host is { } h ? C.Topology.FindNode(h)?.Fqdn ?? h : DefaultCucmPublisher(node).Fqdn;
        var store = t.Store switch
        {
            "cup-trust" => "IM and Presence (IM/P) Service Trust",
            "tomcat-trust" or "directory-trust" => "Tomcat Trust",
            "cup-xmpp-trust" => "XMPP Trust",
            _ => t.Store,
        };
        C.Record(node, t.Kind, ("store", t.Store), ("host", host), ("port", t.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("result", "submitted"));
        C.Host.Send(node, r => new CertificateImportToolOperation(store, host, t.Port, r), answer =>
        {
            if (answer is not AdminReply reply) return;
            var verification = reply.Messages.FirstOrDefault(m => m.StartsWith("SSL Connection", StringComparison.Ordinal)) ?? reply.Messages.FirstOrDefault() ?? "";
            C.Record(node, t.Kind + "-report", ("host", host), ("result", reply.Accepted ? "accepted" : "refused"), ("reply", RunContext.FirstLine(verification)));
        });
    }

    private Domain.Topology.NodeSpec DefaultCucmPublisher(string node)
    {
        var cucm = C.Topology.ImpClusterOf(node)?.CucmCluster ?? C.Topology.CucmClusters[0].Name;
        return C.Topology.CucmCluster(cucm).Publisher;
    }

    /// <summary>With no subject given, the trunk points to the first IM&amp;P publisher of the CUCM cluster.</summary>
    private string DefaultImpSubject(string cucmNode)
    {
        var cucm = C.Topology.Node(cucmNode).Cluster;
        return (C.Topology.ImpClusters.FirstOrDefault(c => c.CucmCluster == cucm) ?? C.Topology.ImpClusters[0]).Publisher.Fqdn;
    }

    private void SecurityProfile(string node, SipSecurityProfile p)
    {
        var subject = p.SubjectCn ?? DefaultImpSubject(node);
        Admin(node, p.Kind, r => new CucmOperation(new Node.Runtime.SipTrunkSecurityProfile(p.Name, true, subject), r), ("name", p.Name), ("subject-cn", subject));
    }

    private void Trunk(string node, Language.SipTrunk t)
    {
        var destination = t.SubjectCn ?? DefaultImpSubject(node);
        Admin(node, t.Kind, r => new CucmOperation(new Node.Runtime.SipTrunk(t.Name, t.SecurityProfile ?? "", [destination]), r),
            ("name", t.Name), ("destination", destination), ("security-profile", t.SecurityProfile ?? ""));
    }

    /// <summary>
    /// Menu paths of the guide are played as the same operations (<see cref="MenuPaths"/>); a page the simulator does
    /// not model is recorded as "not modelled" (kept as data, visible in the timeline).
    /// </summary>
    private void Menu(string node, MenuAction m)
    {
        var action = m.Action ?? "";
        // "Upload Certificate" of a file the administrator downloaded from another node ("<node>/<unit>.pem"), e.g. the
        // IM&P cup.pem into CUCM's Callmanager-trust (the guide's CUCM exchange).
        if (m.Path.EndsWith("Certificate Management", StringComparison.Ordinal) && action.StartsWith("Upload", StringComparison.Ordinal)
            && m.Args.TryGetValue("Certificate Name", out var store) && m.Args.TryGetValue("File", out var file)
            && file.Split('/') is [var source, var fileName] && C.Topology.FindNode(source) is not null)
        {
            var download = C.Request<AdminReply>(source, r => new CertificateOperation(new Domain.Certificates.DownloadCertificate(fileName), r));
            var pem = download?.Messages.FirstOrDefault(x => x.Contains("BEGIN CERTIFICATE", StringComparison.Ordinal));
            if (pem is null)
            {
                C.Record(node, "menu", ("path", m.Path), ("action", action), ("result", "refused"), ("reply", $"cannot download {fileName} from {source}"));
                return;
            }

            var description = m.Args.GetValueOrDefault("Description") ?? $"{source} {fileName}";
            Admin(node, "menu", r => new CertificateOperation(new Domain.Certificates.UploadTrustCertificate(store, pem, description), r),
                ("path", m.Path), ("action", action), ("store", store), ("file", file));
            return;
        }

        if (m.Path.Contains("System Troubleshooter", StringComparison.Ordinal))
        {
            var report = C.Request<TroubleshooterReport>(node, r => new RunSystemTroubleshooter(r));
            C.Record(node, "menu", ("path", m.Path), ("result", report is null ? "no reply" : report.InterClustering.Passed ? "passed" : "failed"),
                ("reply", RunContext.FirstLine(report?.Text)));
            return;
        }

        var (operations, notModelled) = MenuPaths.Translate(m, C.Topology);
        if (notModelled is not null)
        {
            C.Record(node, "menu", ("path", m.Path), ("action", action), ("result", "not modelled"), ("reply", notModelled));
            return;
        }
        C.Record(node, "menu", ("path", m.Path), ("action", action), ("as", string.Join(", ", operations.Select(o => o.Kind))));
        foreach (var operation in operations) Execute(node, operation);
    }
}
