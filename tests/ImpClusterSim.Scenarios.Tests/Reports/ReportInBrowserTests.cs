using System.Text.RegularExpressions;
using ImpClusterSim.Scenarios.Reports;
using ImpClusterSim.Scenarios.Tests.Language;

namespace ImpClusterSim.Scenarios.Tests.Reports;

/// <summary>report.html as a person sees it: loaded in headless Chromium, its DOM has the plot, the checks and events.</summary>
public sealed class ReportInBrowserTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [ChromiumFact]
    public void The_report_loads_in_chromium_with_the_timeline_its_lanes_and_fault_windows()
    {
        var outcome = SampleOutcome.Create();
        var files = ReportWriter.Write(outcome, _dir.File("report"), null);
        var model = TimelineModel.From(outcome);

        var dom = Chromium.DumpDom(files.Html, _dir.File("profile"));

        Assert.Matches("<svg[^>]*id=\"timeline\"", dom);
        // Browsers differ in whether they escape '>' in attribute values when they serialise the DOM: compare decoded.
        var lanes = Regex.Matches(dom, "<g class=\"lane[^\"]*\" data-lane=\"([^\"]+)\"").Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.Equal(model.Lanes.Select(l => l.Key), lanes);
        Assert.Contains("peer:imp-a-pub>imp-b-pub", lanes);
        Assert.Contains("service:imp-b-pub/Cisco Tomcat", lanes);
        Assert.Equal(outcome.Faults.Length, Regex.Matches(dom, "<rect class=\"fault-window\"").Count);
        Assert.Contains(">cut</text>", dom);
        Assert.Equal(4, Regex.Matches(dom, "<tr class=\"check ").Count);
        Assert.Contains("<span id=\"verdict\" class=\"verdict fail\">FAIL</span>", dom);
        Assert.Contains("data-event=\"partition-started\"", dom);
        // Nothing outside the page: no external scripts, styles, fonts or images.
        Assert.DoesNotMatch("(src|href)=\"https?:", File.ReadAllText(files.Html));
    }

    [ChromiumFact]
    public void A_screenshot_of_the_report_is_a_real_picture()
    {
        var files = ReportWriter.Write(SampleOutcome.Create(), _dir.File("report"), null);
        var png = _dir.File("report.png");

        Chromium.Screenshot(files.Html, png, _dir.File("profile"), 1400, 900);

        var bytes = File.ReadAllBytes(png);
        Assert.True(bytes.Length > 20_000, $"the screenshot is only {bytes.Length} bytes");
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        // The README's picture is made here: IMPSIM_WRITE_SCREENSHOT=1 dotnet test ... --filter ReportInBrowser
        if (Environment.GetEnvironmentVariable("IMPSIM_WRITE_SCREENSHOT") == "1")
            File.Copy(png, RepoRoot.File("docs", "images", "report.png"), overwrite: true);
    }
}
