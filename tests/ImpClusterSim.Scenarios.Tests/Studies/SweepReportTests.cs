using System.Text.RegularExpressions;
using ImpClusterSim.Scenarios.Studies;
using ImpClusterSim.Scenarios.Tests.Reports;
using ImpClusterSim.Scenarios.Tests.Runner;

namespace ImpClusterSim.Scenarios.Tests.Studies;

/// <summary>
/// A real sweep (two values of the panel refresh × 3 seeds of a short scenario): its summary, CSV and report page; the
/// page is loaded in headless Chromium, which must see the table and the ScottPlot SVG plots.
/// </summary>
public sealed class SweepReportTests : IDisposable
{
    private static readonly Lazy<SweepSummary> Sweep = new(Play);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static SweepSummary Play()
    {
        var scenario = ScenarioFiles.Parse("""
            name: refresh
            until: 40m
            deployment:
              topology: lab
            steps:
              - label: peers
                at: 10m
                publisher-of: imp-a
                add-peer: { peer: imp-b, protocol: TLS }
              - publisher-of: imp-b
                add-peer: { peer: imp-a, protocol: TLS }
            assumptions:
              - name: secure within 60 seconds
                within: 60s
                after: peers
                peer-status: { cluster: imp-a, peer: imp-b, equals: Connection is secure }
            """);
        var (axis, error) = SweepAxis.Parse("timings.peer-status-refresh=30s,2m");
        Assert.Null(error);
        var (points, errors) = SweepRunner.Prepare(scenario, [axis!]);
        Assert.Empty(errors);
        return SweepRunner.Run(scenario, [axis!], points, 1, 3, 2);
    }

    [Fact]
    public void Each_value_gets_its_own_measurement()
    {
        var sweep = Sweep.Value;
        Assert.Equal(["30s", "2m"], sweep.Points.Select(p => p.ValueLabel));
        var fast = sweep.Points[0].Summary.Checks.Single();
        var slow = sweep.Points[1].Summary.Checks.Single();
        // The panel shows a change at its next refresh (phase drawn from the seed): within 30 s (plus the sync's few
        // milliseconds) with a 30 s refresh, so always within the minute; within 2 minutes with a 2-minute refresh, and
        // then it held exactly in the runs whose time was within the minute.
        Assert.Equal(3, fast.Held);
        Assert.All(fast.Timing!.Held, t => Assert.True(t <= TimeSpan.FromSeconds(31), t.ToString()));
        Assert.All(slow.Timing!.Held, t => Assert.True(t <= TimeSpan.FromSeconds(121), t.ToString()));
        Assert.Equal(slow.Timing.Held.Count(t => t <= TimeSpan.FromSeconds(60)), slow.Held);
        Assert.Equal(0, slow.Timing.Never);
        var csv = SweepCsv.Write(sweep).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("timings.peer-status-refresh,check,kind,runs,held,share,wilson_low,wilson_high,samples,never,p50_s,p90_s,p95_s,p99_s,max_s", csv[0]);
        Assert.StartsWith("30s,secure within 60 seconds,assumption,3,3,1,", csv[1]);
        // Three samples resolve the median only.
        Assert.Matches(",[0-9.]+,,,,[0-9.]+$", csv[1]);
    }

    [Fact]
    public void The_report_page_is_self_contained_and_writes_its_summary_files()
    {
        var page = StudyReport.Write(Sweep.Value, _dir.File("report"), "impsim sweep x.yaml --set timings.peer-status-refresh=30s,2m --seeds 3");
        var html = File.ReadAllText(page);
        Assert.DoesNotMatch("(src|href)=\"https?:", html);
        Assert.True(File.Exists(_dir.File("report/summary.json")));
        Assert.True(File.Exists(_dir.File("report/summary.csv")));
    }

    /// <summary>Skipped, naming the package, where Chromium is not installed (tests/Shared/ExternalTools.cs); CI installs it.</summary>
    [ChromiumFact]
    public void The_report_page_shows_the_table_and_the_plots_in_chromium()
    {
        var page = StudyReport.Write(Sweep.Value, _dir.File("report"), "impsim sweep x.yaml --set timings.peer-status-refresh=30s,2m --seeds 3");
        var dom = Chromium.DumpDom(page, _dir.File("profile"));
        Assert.Equal(2, Regex.Matches(dom, "<tr class=\"row\"").Count);
        Assert.Single(Regex.Matches(dom, "<figure class=\"plot cdf\""));
        Assert.Single(Regex.Matches(dom, "<figure class=\"plot held\""));
        Assert.Equal(2, Regex.Matches(dom, "<figure class=\"plot [^\"]+\"[^>]*>\\s*<svg").Count);
        Assert.Contains("data-check=\"secure within 60 seconds\"", dom);
    }
}
