using System.Collections.Immutable;
using ImpClusterSim.Domain.Certificates;
using ImpClusterSim.Node.Runtime;
using ImpClusterSim.Scenarios.Language;
using DomainGenerateCsr = ImpClusterSim.Domain.Certificates.GenerateCsr;

namespace ImpClusterSim.Scenarios.Runner;

/// <summary>
/// Plays one step: the operation on each target node, as the administrator's messages to the platform
/// (docs/scenarios.md, "Running scenarios"). Every operation and its reply is a run event: the node, the operation's
/// name, result (accepted, refused, no reply, node down, not modelled) and the reply's first line.
/// </summary>
internal sealed partial class OperationExecutor(RunContext context)
{
    private RunContext C => context;

    public void Execute(Step step)
    {
        if (step.Operation is Wait wait)
        {
            C.Record(RunContext.ScenarioNode, "wait", ("duration", Domain.Time.DurationText.Format(wait.Duration)));
            return;
        }

        foreach (var node in step.Target!.Nodes)
        {
            if (!C.IsUp(node))
            {
                C.Record(node, step.Operation.Kind, ("result", "node down"));
                continue;
            }

            C.Host.Play(node, step, () => Execute(node, step.Operation));
        }
    }

    /// <summary>Plays <paramref name="operation"/> on <paramref name="node"/> here (a live node process plays its own steps so).</summary>
    public void Execute(string node, Operation operation)
    {
        switch (operation)
        {
            case UploadTrust u: UploadTrust(node, u); break;
            case UploadLeaf u: UploadLeaf(node, u); break;
            case Language.GenerateCsr g: Certificate(node, g.Kind, new DomainGenerateCsr(g.Unit, g.Key, g.Hash), [("unit", g.Unit), .. CsrDetails(g.Key, g.Hash)]); break;
            case Regenerate r: Certificate(node, r.Kind, new RegenerateCertificate(r.Unit), ("unit", r.Unit)); break;
            case DeleteTrust d: DeleteTrust(node, d); break;
            case DownloadCert d: Certificate(node, d.Kind, new DownloadCertificate(d.Unit + ".pem"), ("unit", d.Unit)); break;
            case Language.ServiceControl s: ServiceCli(node, s); break;
            case AddPeer p: AddPeer(node, p); break;
            case Language.DeletePeer p: Intercluster(node, p.Kind, new Domain.Intercluster.DeletePeer(PeerAddress(p.PeerCluster)), ("peer", p.PeerCluster)); break;
            case Language.ForceManualSync f:
                Intercluster(node, f.Kind, new Domain.Intercluster.ForceManualSync(PeerAddress(f.PeerCluster), f.ResyncTomcat),
                    ("peer", f.PeerCluster), ("resync-tomcat", f.ResyncTomcat ? "yes" : "no"));
                break;
            case FipsEnable: Fips(node, "fips-enable", "utils fips enable"); break;
            case FipsDisable: Fips(node, "fips-disable", "utils fips disable"); break;
            case ChangeSetting s: Setting(node, s.Kind, new Domain.Settings.SetSecuritySetting(s.Setting, s.Value), ("name", s.Name), ("value", s.Value)); break;
            case TlsPeerSubjectChange t:
                Setting(node, t.Kind, t.Add
                    ? new Domain.Settings.AddTlsPeerSubjectEdit(t.Subject, t.Description ?? "")
                    : new Domain.Settings.RemoveTlsPeerSubjectEdit(t.Subject), ("subject", t.Subject), ("action", t.Add ? "add" : "remove"));
                break;
            case TlsContextChange t: TlsContext(node, t); break;
            case UploadBanner b: Banner(node, b); break;
            case CertificateImportTool t: ImportTool(node, t); break;
            case SipSecurityProfile p: SecurityProfile(node, p); break;
            case Language.SipTrunk t: Trunk(node, t); break;
            case CliCommand c: Cli(node, c.Kind, c.Command); break;
            case MenuAction m: Menu(node, m); break;
            default: C.Record(node, operation.Kind, ("result", "not modelled")); break;
        }
    }

    private void UploadTrust(string node, UploadTrust u)
    {
        string pem;
        var signer = u.Signer is { } s ? C.Cas[s].CommonName : null;
        var description = u.Description;
        if (u.Ca is { } name)
        {
            var ca = C.Cas[name];
            pem = ca.Certificate.ToPem();
            signer ??= ca.Parent?.CommonName;
            description ??= ca.CommonName;
        }
        else if (ReadFile(node, u.Kind, u.File!) is { } text) pem = text;
        else return;

        Certificate(node, u.Kind, new UploadTrustCertificate(u.Store, pem, description ?? "", signer),
            ("store", u.Store), ("certificate", u.Ca ?? u.File!));
    }

    private void UploadLeaf(string node, UploadLeaf u)
    {
        string pem;
        if (u.SignedBy is { } caName)
        {
            // A leaf spec's key is the node's: the node generates the CSR (a FIPS node refuses RSA-1024), the CA signs it.
            var pending = u.Key is null ? PendingRequest(node, u.Unit) : null;
            if (pending is null)
            {
                var csr = Admin(node, "generate-csr", r => new CertificateOperation(new DomainGenerateCsr(u.Unit, u.Key), r),
                    [("unit", u.Unit), .. CsrDetails(u.Key, Pki.SignatureHash.Sha256), ("for", "upload-leaf")]);
                if (csr is not { Accepted: true })
                {
                    var why = csr is null ? "no reply" : RunContext.FirstLine(csr.Messages.FirstOrDefault() ?? "");
                    C.Record(node, u.Kind, ("unit", u.Unit), ("result", "refused"), ("reply", $"no CSR for {u.Unit} on {node}: {why}"));
                    return;
                }
                pending = PendingRequest(node, u.Unit);
            }

            if (pending is null)
            {
                C.Record(node, u.Kind, ("unit", u.Unit), ("result", "refused"), ("reply", $"no CSR for {u.Unit} on {node}"));
                return;
            }

            pem = C.Cas[caName].Issue(pending.Request, C.NodeClock(node).ToDateTime(), hash: u.Hash).ToPem();
        }
        else if (ReadFile(node, u.Kind, u.File!) is { } text) pem = text;
        else return;

        Certificate(node, u.Kind, new UploadSignedCertificate(u.Unit, pem, u.Description ?? ""),
            [("unit", u.Unit), ("signed-by", u.SignedBy ?? u.File!), .. u.Hash is { } h ? [("signature-hash", CertificateWords.Word(h))] : Array.Empty<(string, string)>()]);
    }

    /// <summary>Trace details of a CSR's key and hash, only where a step chose them (so default traces stay as they were).</summary>
    private static (string, string)[] CsrDetails(Pki.KeyAlgorithm? key, Pki.SignatureHash hash) =>
        [.. key is { } k ? [("key", CertificateWords.Word(k))] : Array.Empty<(string, string)>(),
         .. hash != Pki.SignatureHash.Sha256 ? [("hash", CertificateWords.Word(hash))] : Array.Empty<(string, string)>()];

    private Pki.PendingRequest? PendingRequest(string node, string unit) =>
        C.Request<CertificatesSnapshot>(node, r => new QueryCertificates(r))?.Certificates.Own.PendingRequests.GetValueOrDefault(unit);

    private void DeleteTrust(string node, DeleteTrust d)
    {
        var file = d.Name;
        if (d.Ca is { } name)
        {
            var ca = C.Cas[name].Certificate;
            var held = C.Request<CertificatesSnapshot>(node, r => new QueryCertificates(r))?.Certificates.TrustCertificates(d.Store)
                .FirstOrDefault(t => t.Certificate.Equals(ca));
            file = held?.FileName ?? $"{ca.SubjectCommonName}_{ca.SerialNumberHex}.pem";
        }

        Certificate(node, d.Kind, new DeleteTrustCertificate(d.Store, file!), ("store", d.Store), ("file", file!));
    }

    private void Certificate(string node, string kind, CertificateCommand command, params (string, string)[] details) =>
        Admin(node, kind, r => new CertificateOperation(command, r), details);

    /// <summary>An admin page operation answered at once; records the reply (accepted or refused, first message line).</summary>
    private AdminReply? Admin(string node, string kind, Func<Akka.Actor.IActorRef, object> make, params (string, string)[] details)
    {
        var reply = C.Request<AdminReply>(node, make);
        RecordReply(node, kind, reply, details);
        return reply;
    }

    private void RecordReply(string node, string kind, AdminReply? reply, (string, string)[] details)
    {
        var message = reply is null ? "" : reply.Messages.FirstOrDefault(m => !m.StartsWith("WARNING", StringComparison.Ordinal)) ?? reply.Messages.FirstOrDefault() ?? "";
        var result = reply is null ? "no reply" : reply.Accepted ? "accepted" : "refused";
        C.Record(node, kind, [.. details, ("result", result), ("reply", RunContext.FirstLine(message))]);
    }

    private string? ReadFile(string node, string kind, string file)
    {
        var path = Path.Combine(C.BaseDirectory, file);
        if (Domain.Input.InputFile.TryReadText(path, Domain.Input.InputFile.MaxTextBytes, out var text, out var error)) return text;
        C.Record(node, kind, ("file", file), ("result", "refused"), ("reply", "cannot read " + file + ": " + error));
        return null;
    }

    private static ImmutableArray<byte> Bytes(string text) => [.. System.Text.Encoding.UTF8.GetBytes(text)];
}
