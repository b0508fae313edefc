using System.Diagnostics;
using ImpClusterSim.Domain.Certificates;
using ImpClusterSim.Node.Runtime;
using ImpClusterSim.Simulation;

namespace ImpClusterSim.Node.Tests.Platform;

public sealed class CertificateExportTests : IDisposable
{
    private readonly SimulationRun _run = PlatformFixture.Lab();
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("impsim-export-");

    public void Dispose()
    {
        _run.Dispose();
        _dir.Delete(recursive: true);
    }

    private static (int Exit, string Output) OpenSsl(params string[] args)
    {
        var start = new ProcessStartInfo(ExternalTools.OpenSsl ?? throw new InvalidOperationException(ExternalTools.Missing("openssl", "openssl"))) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var p = Process.Start(start) ?? throw new InvalidOperationException("openssl did not start (CI installs it)");
        var output = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
        if (!p.WaitForExit(30_000)) throw new TimeoutException("openssl did not finish");
        return (p.ExitCode, output);
    }

    private static long Epoch(Domain.Time.SimInstant t) => t.ToDateTimeOffset().ToUnixTimeSeconds();

    [OpenSslFact]
    public void Exported_node_certificates_and_a_ca_signed_chain_verify_with_openssl()
    {
        var cas = new TestCas();
        _run.RunFor(TimeSpan.FromMinutes(15));
        var op = _run.Operator;
        Assert.True(op.Request<AdminReply>("imp-a-sub1", r => new CertificateOperation(new UploadTrustCertificate("tomcat-trust", cas.Root.Certificate.ToPem(), "root"), r))!.Accepted);
        Assert.True(op.Request<AdminReply>("imp-a-sub1", r => new CertificateOperation(new UploadTrustCertificate("tomcat-trust", cas.Intermediate.Certificate.ToPem(), "int", "Test Root CA"), r))!.Accepted);
        Assert.True(op.Request<AdminReply>("imp-a-sub1", r => new CertificateOperation(new GenerateCsr("tomcat"), r))!.Accepted);
        var csr = op.Request<CertificatesSnapshot>("imp-a-sub1", r => new QueryCertificates(r))!.Certificates.Own.PendingRequests["tomcat"].Request;
        var leaf = cas.Intermediate.Issue(csr, _run.Now.ToDateTime());
        var upload = op.Request<AdminReply>("imp-a-sub1", r => new CertificateOperation(new UploadSignedCertificate("tomcat", leaf.ToPem()), r))!;
        Assert.True(upload.Accepted, string.Join("\n", upload.Messages));
        _run["imp-b-sub2"].Crash(); // a node that is down exports from its disk

        var files = CertificateExport.Write(_run, _dir.FullName);

        Assert.Contains(files, f => f.EndsWith(Path.Combine("imp-b-sub2", "own", "cup-xmpp-s2s.pem"), StringComparison.Ordinal));
        var at = Epoch(_run.Now).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var node = Path.Combine(_dir.FullName, "imp-a-sub1");
        var trust = Directory.GetFiles(Path.Combine(node, "trust", "tomcat-trust"));
        Assert.Equal(2, trust.Length);
        var root = trust.Single(f => Path.GetFileName(f).StartsWith("Test_Root", StringComparison.Ordinal) || Path.GetFileName(f).StartsWith("Test Root", StringComparison.Ordinal));
        var intermediate = trust.Single(f => f != root);
        var (ok, text) = OpenSsl("verify", "-attime", at, "-CAfile", root, "-untrusted", intermediate, Path.Combine(node, "own", "tomcat.pem"));
        Assert.True(ok == 0, text);
        // A self-signed unit verifies against itself; against the CA it does not.
        Assert.Equal(0, OpenSsl("verify", "-attime", at, "-CAfile", Path.Combine(node, "own", "cup.pem"), Path.Combine(node, "own", "cup.pem")).Exit);
        Assert.NotEqual(0, OpenSsl("verify", "-attime", at, "-CAfile", root, Path.Combine(node, "own", "cup.pem")).Exit);
    }
}
