using System.Security.Cryptography;
using ImpClusterSim.Scenarios.Language;
using ImpClusterSim.Scenarios.Reports;
using ImpClusterSim.Scenarios.Runner;
using ImpClusterSim.Scenarios.Tests.Language;

namespace ImpClusterSim.Scenarios.Tests.Reports;

/// <summary>The report of a scenario played by the runner: the whole chain from a scenario file to report.html.</summary>
public sealed class RunnerReportTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_report_of_the_ca_signed_tomcat_example_has_its_trace_its_checks_and_the_partition_window()
    {
        var (scenario, errors) = ScenarioLoader.Load(RepoRoot.File("scenarios", "examples", "ca-signed-tomcat-two-clusters.yaml"));
        Assert.True(errors.IsEmpty, string.Join("\n", errors));
        var trace = new MemoryStream();
        var outcome = ScenarioRunner.Run(scenario!, 42, trace);

        var files = ReportWriter.Write(outcome, Environment.GetEnvironmentVariable("IMPSIM_REPORT_DIR") ?? _dir.Path, trace.ToArray());

        Assert.Equal(outcome.TraceHash, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(files.Trace))));
        var html = File.ReadAllText(files.Html);
        Assert.Contains("<svg id=\"timeline\"", html);
        Assert.Contains("class=\"lane lane-peer\"", html);
        Assert.Contains("data-fault=\"cut\"", html);
        Assert.Equal(outcome.Checks.Length, System.Text.RegularExpressions.Regex.Matches(html, "<tr class=\"check ").Count);
        Assert.Equal(outcome.Checks.Length, System.Xml.Linq.XDocument.Load(files.JUnit).Descendants("testcase").Count());
    }
}
