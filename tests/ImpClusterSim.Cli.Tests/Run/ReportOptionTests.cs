using System.Security.Cryptography;
using System.Text.Json;
using System.Xml.Linq;

namespace ImpClusterSim.Cli.Tests.Run;

public sealed class ReportOptionTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("impsim-report-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public void Run_with_report_writes_the_four_files_and_the_trace_matches_the_reported_hash()
    {
        var report = Path.Combine(_dir.FullName, "out");
        var trace = Path.Combine(_dir.FullName, "trace.jsonl");
        var (exit, stdout, _) = CliHarness.Invoke("run", "--report", report, "--trace", trace, "--json");
        Assert.Equal(0, exit);
        var hash = JsonDocument.Parse(stdout).RootElement.GetProperty("traceHash").GetString();

        var reportTrace = File.ReadAllBytes(Path.Combine(report, "trace.jsonl"));
        Assert.Equal(hash, Convert.ToHexStringLower(SHA256.HashData(reportTrace)));
        Assert.Equal(File.ReadAllBytes(trace), reportTrace);

        // One schema: what --json printed is summary.json, byte for byte.
        Assert.Equal(File.ReadAllText(Path.Combine(report, "summary.json")), stdout);
        var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(report, "summary.json"))).RootElement;
        Assert.Equal(hash, summary.GetProperty("traceHash").GetString());
        var junit = XDocument.Load(Path.Combine(report, "junit.xml"));
        Assert.NotEmpty(junit.Descendants("testcase"));
        Assert.Empty(junit.Descendants("failure"));
        Assert.Contains("<svg id=\"timeline\"", File.ReadAllText(Path.Combine(report, "report.html")));
    }

    [Fact]
    public void Run_with_export_certs_writes_each_node_s_own_certificates_and_trust_stores_as_pem()
    {
        var export = Path.Combine(_dir.FullName, "certs");
        var (exit, _, _) = CliHarness.Invoke("run", "--export-certs", export, "--json");
        Assert.Equal(0, exit);
        // The default rollout leaves every imp-a node with a CA-signed tomcat certificate and the CA chain in tomcat-trust.
        Assert.True(File.Exists(Path.Combine(export, "imp-a-sub2", "own", "tomcat.pem")));
        Assert.True(File.Exists(Path.Combine(export, "cucm-pub", "own", "CallManager.pem")));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(export, "imp-b-pub", "trust", "tomcat-trust")));
        Assert.StartsWith("-----BEGIN CERTIFICATE-----", File.ReadAllText(Path.Combine(export, "imp-a-pub", "own", "cup.pem")));
    }

    [Fact]
    public void A_report_folder_that_cannot_be_written_is_bad_input()
    {
        var file = Path.Combine(_dir.FullName, "a-file");
        File.WriteAllText(file, "not a folder");
        var (exit, stdout, stderr) = CliHarness.Invoke("run", "--report", Path.Combine(file, "sub"), "--until", "1h");
        Assert.Equal(2, exit);
        // Refused before the run, as a file where a folder is named.
        Assert.Contains($"--report '{Path.Combine(file, "sub")}': '{file}' is a file, not a directory", stderr);
        Assert.Equal("", stdout);
    }
}
