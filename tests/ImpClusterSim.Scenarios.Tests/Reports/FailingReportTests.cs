using System.Text;
using System.Text.RegularExpressions;
using ImpClusterSim.Scenarios.Reports;
using ImpClusterSim.Scenarios.Tests.Language;

namespace ImpClusterSim.Scenarios.Tests.Reports;

/// <summary>
/// report.html shows what failed: each check as a row of the plot with its window, its deadline and its decision at
/// its instant (FAIL where it failed, BROKEN for an assumption, never FAIL), and the administrators' steps as markers.
/// </summary>
public sealed class FailingReportTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Html(Outcome.ScenarioOutcome outcome) => Encoding.UTF8.GetString(HtmlReport.Write(outcome));

    [Fact]
    public void Each_check_has_a_plot_row_with_its_window_deadline_and_result_at_its_instant()
    {
        var outcome = SampleOutcome.Create();
        var html = Html(outcome);

        var rows = Regex.Matches(html, "<g class=\"check-row (\\w+)\" data-check=\"([^\"]+)\" data-result=\"(\\w+)\">");
        var withWindows = outcome.Checks.Where(c => c.WindowFrom is not null).ToList();
        Assert.Equal(withWindows.Count, rows.Count);
        foreach (var (row, check) in rows.Zip(withWindows))
            Assert.Equal(ReportText.Result(check), row.Groups[3].Value);
        Assert.Equal(withWindows.Count, Regex.Matches(html, "<line class=\"check-deadline\"").Count);
        Assert.Equal(withWindows.Count(c => c.DecidedAt is not null), Regex.Matches(html, "<g class=\"check-mark\">").Count);
    }

    [Fact]
    public void An_assumption_that_broke_is_broken_not_failed()
    {
        var outcome = SampleOutcome.Create();
        var broken = outcome.Checks.FirstOrDefault(c => c.Kind == Outcome.CheckKind.Assumption && !c.Passed);
        Assert.NotNull(broken);
        var html = Html(outcome);

        Assert.Contains($"<tr class=\"check assumption broken\" data-check=\"{System.Net.WebUtility.HtmlEncode(broken.Name)}\"><td class=\"result\">BROKEN</td>", html);
        Assert.DoesNotMatch("<tr class=\"check assumption[^\"]*\"[^>]*><td class=\"result\">FAIL", html);
    }

    [Fact]
    public void A_long_lane_label_widens_the_label_column_instead_of_being_clipped()
    {
        var outcome = SampleOutcome.Create();
        var html = Html(outcome);
        var model = TimelineModel.From(outcome);
        var longest = model.Lanes.Max(l => l.Label.Length);

        var x = double.Parse(Regex.Match(html, "<rect class=\"lane-bg\" x=\"([0-9.]+)\"").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(x >= (longest * 6.2) + 8, $"labels of {longest} characters need more than {x} px");
    }
}
