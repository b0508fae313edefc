using ImpClusterSim.Scenarios.Outcome;
using ImpClusterSim.Simulation.Tracing;

namespace ImpClusterSim.Scenarios.Reports;

/// <summary>
/// Writes a played scenario's report into a directory (docs/reports.md): <c>summary.json</c> (figures and checks, for
/// tools), <c>trace.jsonl</c> (the trace as the run wrote it, so its SHA-256 is the trace hash), <c>junit.xml</c> (one
/// testcase per check, for CI) and <c>report.html</c> (one self-contained page with the timeline plot, for people).
/// The same outcome gives the same files, byte for byte, except <c>wallSeconds</c> in summary.json.
/// </summary>
public static class ReportWriter
{
    public const string SummaryFile = "summary.json";
    public const string TraceFile = "trace.jsonl";
    public const string JUnitFile = "junit.xml";
    public const string HtmlFile = "report.html";

    /// <summary>
    /// Writes the four files into <paramref name="directory"/> (created if missing). <paramref name="traceBytes"/> are
    /// the run's trace bytes exactly as written; when null, the trace is written again from the outcome's events in
    /// the trace format, which gives the same bytes if the events are the whole trace.
    /// </summary>
    public static ReportFiles Write(ScenarioOutcome outcome, string directory, byte[]? traceBytes)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        Directory.CreateDirectory(directory);
        var files = new ReportFiles(
            Path.Combine(directory, SummaryFile),
            Path.Combine(directory, TraceFile),
            Path.Combine(directory, JUnitFile),
            Path.Combine(directory, HtmlFile));
        File.WriteAllBytes(files.Summary, SummaryJson.Write(outcome));
        File.WriteAllBytes(files.Trace, traceBytes ?? TraceOf(outcome));
        File.WriteAllBytes(files.JUnit, JUnitXml.Write(outcome));
        File.WriteAllBytes(files.Html, HtmlReport.Write(outcome));
        return files;
    }

    private static byte[] TraceOf(ScenarioOutcome outcome)
    {
        using var buffer = new MemoryStream();
        using (var writer = new TraceWriter(buffer, leaveOpen: true))
            foreach (var e in outcome.Events) writer.Record(e);
        return buffer.ToArray();
    }
}
