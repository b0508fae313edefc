using System.Security.Cryptography;
using System.Text.Json;
using System.Xml.Linq;
using ImpClusterSim.Domain.Topology;
using ImpClusterSim.Node.Ports;
using ImpClusterSim.Scenarios.BuiltIn;
using ImpClusterSim.Scenarios.Outcome;
using ImpClusterSim.Scenarios.Reports;

namespace ImpClusterSim.Scenarios.Tests.Reports;

public sealed class ReportWriterTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Write_produces_the_four_files()
    {
        var files = ReportWriter.Write(SampleOutcome.Create(), _dir.Path, null);
        foreach (var path in new[] { files.Summary, files.Trace, files.JUnit, files.Html })
            Assert.True(new FileInfo(path).Length > 0, $"{path} is missing or empty");
        Assert.Equal(
            ["junit.xml", "report.html", "summary.json", "trace.jsonl"],
            Directory.GetFiles(_dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Summary_json_has_the_figures_and_every_check_with_where_it_is_written()
    {
        var outcome = SampleOutcome.Create();
        var files = ReportWriter.Write(outcome, _dir.Path, null);
        using var doc = JsonDocument.Parse(File.ReadAllBytes(files.Summary));
        var root = doc.RootElement;
        Assert.Equal("sample-two-clusters", root.GetProperty("scenario").GetString());
        Assert.Equal(42UL, root.GetProperty("seed").GetUInt64());
        Assert.Equal(7 * 3600, root.GetProperty("virtualSeconds").GetDouble());
        Assert.Equal(0.731, root.GetProperty("wallSeconds").GetDouble());
        Assert.Equal(4, root.GetProperty("nodes").GetInt32());
        Assert.Equal(outcome.TraceHash, root.GetProperty("traceHash").GetString());
        Assert.Equal(outcome.Replay, root.GetProperty("replay").GetString());
        Assert.False(root.GetProperty("passed").GetBoolean());
        var checks = root.GetProperty("checks").EnumerateArray().ToList();
        Assert.Equal(outcome.Checks.Length, checks.Count);
        foreach (var (json, check) in checks.Zip(outcome.Checks))
        {
            Assert.Equal(check.Name, json.GetProperty("name").GetString());
            Assert.Equal(check.Kind == CheckKind.Expectation ? "expectation" : "assumption", json.GetProperty("kind").GetString());
            Assert.Equal(check.Passed, json.GetProperty("passed").GetBoolean());
            Assert.Equal(check.DecidedAt!.Value.ToString(), json.GetProperty("decidedAt").GetString());
            Assert.Equal(check.Detail, json.GetProperty("detail").GetString());
            Assert.Equal($"{check.File}:{check.Line}:{check.Column}", json.GetProperty("location").GetString());
        }
        Assert.Equal("+31m", checks[0].GetProperty("decidedAfter").GetString());
    }

    [Fact]
    public void Junit_xml_has_a_testcase_per_check_and_fails_only_the_failed_expectation()
    {
        var outcome = SampleOutcome.Create();
        var files = ReportWriter.Write(outcome, _dir.Path, null);
        var doc = XDocument.Load(files.JUnit);
        var suite = Assert.Single(doc.Root!.Elements("testsuite"));
        Assert.Equal("sample-two-clusters", (string?)suite.Attribute("name"));
        Assert.Equal("4", (string?)suite.Attribute("tests"));
        Assert.Equal("1", (string?)suite.Attribute("failures"));
        var cases = suite.Elements("testcase").ToList();
        Assert.Equal(outcome.Checks.Select(c => c.Name), cases.Select(c => (string?)c.Attribute("name")));
        var failed = Assert.Single(cases, c => c.Element("failure") is not null);
        Assert.Equal("imp-a sees imp-b secure at the end", (string?)failed.Attribute("name"));
        Assert.Contains("scenarios/examples/sample.yaml:34:5", failed.Element("failure")!.Value);
        var assumptions = cases.Where(c => ((string?)c.Attribute("classname"))!.EndsWith(".assumptions", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, assumptions.Count);
        Assert.All(assumptions, a => Assert.Null(a.Element("failure")));
        Assert.Contains("did not hold", assumptions[1].Element("system-out")!.Value);
        Assert.Contains(suite.Element("properties")!.Elements("property"),
            p => (string?)p.Attribute("name") == "seed" && (string?)p.Attribute("value") == "42");
    }

    [Fact]
    public void The_same_outcome_gives_the_same_report_bytes()
    {
        var outcome = SampleOutcome.Create();
        var first = ReportWriter.Write(outcome, Path.Combine(_dir.Path, "one"), null);
        var second = ReportWriter.Write(outcome with { WallSeconds = 9.5 }, Path.Combine(_dir.Path, "two"), null);
        Assert.Equal(File.ReadAllBytes(first.Html), File.ReadAllBytes(second.Html));
        Assert.Equal(File.ReadAllBytes(first.JUnit), File.ReadAllBytes(second.JUnit));
        Assert.Equal(File.ReadAllBytes(first.Trace), File.ReadAllBytes(second.Trace));
        Assert.NotEqual(File.ReadAllBytes(first.Summary), File.ReadAllBytes(second.Summary)); // wallSeconds only
    }

    [Fact]
    public void Trace_jsonl_of_a_real_run_hashes_to_the_trace_hash_given_or_rewritten_from_the_events()
    {
        var topology = TopologyLoader.LoadEmbedded("lab");
        var bytes = new MemoryStream();
        var events = new List<TraceEvent>();
        string hash;
        using (var run = KernelShowcase.Create(topology, 7, bytes))
        {
            run.Trace.AddObserver(events.Add);
            run.StartAll();
            run.RunUntil(run.Options.Start + TimeSpan.FromHours(6));
            run.Trace.Flush();
            hash = run.Trace.Hash;
        }
        var outcome = new ScenarioOutcome("kernel-showcase", null, 7, SimInstant(), TimeSpan.FromHours(6), 0.1, 8, 0, 0, hash,
            "impsim run --seed 7 --until 6h --topology lab", [], [new FaultWindow("imp-a|imp-b", "partition", SimInstant() + TimeSpan.FromHours(2), SimInstant() + TimeSpan.FromHours(3))], [.. events]);

        var given = ReportWriter.Write(outcome, Path.Combine(_dir.Path, "given"), bytes.ToArray());
        var rewritten = ReportWriter.Write(outcome, Path.Combine(_dir.Path, "rewritten"), null);

        Assert.Equal(hash, Sha256(given.Trace));
        Assert.Equal(hash, Sha256(rewritten.Trace));
        // The skeleton's intercluster agents give peer lanes, and the partition makes them "not reachable" for a while.
        var html = File.ReadAllText(given.Html);
        Assert.Contains("data-lane=\"peer:imp-a-pub&gt;imp-b-pub\"", html);
        Assert.Contains("class=\"segment not-reachable\"", html);
    }

    private static Domain.Time.SimInstant SimInstant() => Domain.Time.SimInstant.DefaultRunStart;

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
