using System.Text;
using System.Xml;
using System.Xml.Linq;
using ImpClusterSim.Scenarios.Outcome;

namespace ImpClusterSim.Scenarios.Reports;

/// <summary>
/// junit.xml: one testsuite for the scenario and one testcase per check (docs/reports.md). An expectation that failed
/// is a &lt;failure&gt;; an assumption is a testcase too, but one that did not hold is reported in &lt;system-out&gt;
/// and not as a failure, because assumptions never fail a run. Times are virtual seconds, so the file is
/// deterministic.
/// </summary>
internal static class JUnitXml
{
    public static byte[] Write(ScenarioOutcome outcome)
    {
        var failures = outcome.Checks.Count(c => c.Kind == CheckKind.Expectation && !c.Passed);
        var suite = new XElement("testsuite",
            new XAttribute("name", outcome.Scenario),
            new XAttribute("tests", outcome.Checks.Length),
            new XAttribute("failures", failures),
            new XAttribute("errors", 0),
            new XAttribute("skipped", 0),
            new XAttribute("time", ReportText.Number(outcome.VirtualDuration.TotalSeconds)),
            new XElement("properties",
                Property("seed", outcome.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                Property("guide-section", outcome.GuideSection ?? ""),
                Property("trace-hash", outcome.TraceHash),
                Property("replay", outcome.Replay),
                Property("virtual-start", outcome.Start.ToString())));
        foreach (var c in outcome.Checks) suite.Add(TestCase(outcome, c));
        var root = new XElement("testsuites",
            new XAttribute("name", outcome.Scenario),
            new XAttribute("tests", outcome.Checks.Length),
            new XAttribute("failures", failures),
            new XAttribute("errors", 0),
            new XAttribute("time", ReportText.Number(outcome.VirtualDuration.TotalSeconds)),
            suite);

        using var buffer = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, NewLineChars = "\n" };
        using (var writer = XmlWriter.Create(buffer, settings)) new XDocument(new XDeclaration("1.0", "utf-8", null), root).Save(writer);
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static XElement Property(string name, string value) => new("property", new XAttribute("name", name), new XAttribute("value", value));

    private static XElement TestCase(ScenarioOutcome outcome, CheckOutcome c)
    {
        var when = c.DecidedAt is { } at ? ReportText.Since(outcome, at) : "never decided";
        var testcase = new XElement("testcase",
            new XAttribute("classname", $"{outcome.Scenario}.{(c.Kind == CheckKind.Expectation ? "expect" : "assumptions")}"),
            new XAttribute("name", c.Name),
            new XAttribute("file", c.File),
            new XAttribute("line", c.Line),
            new XAttribute("time", "0"));
        var text = $"{ReportText.Where(c)}: {c.Detail} (decided at {when})";
        if (c.Kind == CheckKind.Expectation && !c.Passed)
            testcase.Add(new XElement("failure", new XAttribute("message", c.Detail), new XAttribute("type", "expectation"), text));
        else if (c.Kind == CheckKind.Assumption)
            testcase.Add(new XElement("system-out", $"assumption {(c.Passed ? "held" : "did not hold")}: {text}"));
        return testcase;
    }
}
