using System.Text.Json;
using ImpClusterSim.Cli.Tests.Run;

namespace ImpClusterSim.Cli.Tests.Live;

/// <summary>
/// `impsim live SCENARIO`: one `impsim node --scenario` process per node running the platform, the scenario's steps,
/// partition, kill -9 with restart and checks played on the scaled wall clock, the same JSON summary as `run` marked
/// live; a check that does not hold fails the run; what live mode cannot play is refused before anything starts; no
/// process is left behind.
/// </summary>
[Collection("live processes")]
public sealed class LiveScenarioTests : IDisposable
{
    private readonly string _dir = LiveTestSupport.NewDirectory("live-scenario");

    /// <summary>Three nodes, one IM&amp;P publisher per cluster, a peer added that never syncs: a check that must fail.</summary>
    private const string NeverPeered = """
        name: never-peered
        seed: 3
        until: 12m
        deployment:
          topology:
            cucm-clusters:
              - name: cucm
                nodes:
                  - { name: cucm-pub, fqdn: cucm-pub.example.com, ip: 10.20.0.10, role: publisher }
            imp-clusters:
              - name: imp-a
                cucm-cluster: cucm
                domain: a.example.com
                nodes:
                  - { name: imp-a-pub, fqdn: imp-a-pub.example.com, ip: 10.20.1.10, role: publisher }
                subclusters:
                  - { name: imp-a-sc1, nodes: [imp-a-pub] }
              - name: imp-b
                cucm-cluster: cucm
                domain: b.example.com
                nodes:
                  - { name: imp-b-pub, fqdn: imp-b-pub.example.com, ip: 10.20.2.10, role: publisher }
                subclusters:
                  - { name: imp-b-sc1, nodes: [imp-b-pub] }
        cas:
          - { name: corp-root, subject: Example Corp Root CA }
        steps:
          - label: upload
            at: 2m
            publisher-of: imp-a
            upload-trust: { store: tomcat-trust, ca: corp-root }
        expect:
          - name: the upload is accepted
            step-accepted: { label: upload }
            at: 3m
          - name: imp-a holds the CA
            at: 4m
            trust-store-contains: { publisher-of: imp-a, store: tomcat-trust, ca: corp-root }
          - name: imp-b holds the CA although the clusters are not peered
            within: 6m
            after: upload
            trust-store-contains: { publisher-of: imp-b, store: tomcat-trust, ca: corp-root }
        """;

    [Fact]
    public void A_short_scenario_passes_live_with_one_process_per_node_through_a_partition_and_a_kill_9()
    {
        var data = Path.Combine(_dir, "data");
        var report = Path.Combine(_dir, "report");
        var basePort = LiveTestSupport.FreePortRange(4);
        var (exit, stdout, stderr) = CliHarness.Invoke("live", Path.Combine(RunCommandTests.RepoRoot(), "scenarios", "live-peering.yaml"), "--speed", "120", "--base-port", basePort.ToString(),
            "--data", data, "--json", "--up-within", "120", "--report", report);

        Assert.Empty(LiveTestSupport.ProcessesMentioning(data));
        Assert.True(exit == 0, $"exit {exit}\n{stdout}\n{stderr}");
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal("live", root.GetProperty("mode").GetString());
        Assert.False(root.GetProperty("replayable").GetBoolean());
        Assert.Equal("live-peering", root.GetProperty("scenario").GetString());
        Assert.Equal(3, root.GetProperty("nodes").GetInt32());
        var checks = root.GetProperty("checks").EnumerateArray().ToArray();
        Assert.Equal(5, checks.Length);
        Assert.All(checks, c => Assert.True(c.GetProperty("passed").GetBoolean(), c.GetProperty("name").GetString() + ": " + c.GetProperty("detail").GetString()));
        Assert.Contains(checks, c => c.GetProperty("detail").GetString()!.Contains("Not reachable", StringComparison.Ordinal));
        Assert.Equal(["cucm-pub.db", "imp-a-pub.db", "imp-b-pub.db"],
            Directory.GetFiles(data, "*.db").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray());

        // Message counts: what every node process's network port counted (its last report per incarnation, in the
        // trace as network-counts), summed into the summary; the partition dropped some by the injected cut.
        var counts = File.ReadLines(Path.Combine(report, "trace.jsonl"))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Where(e => e.GetProperty("event").GetString() == "network-counts")
            .Select(e => (Node: e.GetProperty("node").GetString()!, Details: e.GetProperty("details")))
            .Select(e => (e.Node, Incarnation: e.Details.GetProperty("incarnation").GetString(), Sent: Count(e.Details, "sent"), Delivered: Count(e.Details, "delivered"),
                ByFault: Count(e.Details, "dropped-by-fault"), Dropped: Count(e.Details, "dropped-by-fault") + Count(e.Details, "dropped-unreachable")))
            .ToArray();
        Assert.Equal(["cucm-pub 1", "imp-a-pub 1", "imp-b-pub 1", "imp-b-pub 2"], counts.Select(c => c.Node + " " + c.Incarnation).ToArray());
        Assert.All(counts, c => Assert.True(c.Sent > 0, $"{c.Node} incarnation {c.Incarnation} sent nothing"));
        var sent = root.GetProperty("messagesSent").GetInt64();
        var delivered = root.GetProperty("messagesDelivered").GetInt64();
        Assert.Equal(counts.Sum(c => c.Sent), sent);
        Assert.Equal(counts.Sum(c => c.Delivered), delivered);
        Assert.Equal(counts.Sum(c => c.Dropped), root.GetProperty("messagesDropped").GetInt64());
        Assert.True(delivered > 0 && delivered <= sent, $"delivered {delivered} of {sent} sent");
        Assert.True(counts.Sum(c => c.ByFault) > 0, "the partition dropped no message");
    }

    private static long Count(JsonElement details, string name) => long.Parse(details.GetProperty(name).GetString()!, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The failing run is also kept (--keep): a shell attaches to its node processes (nodes, a node's CLI, a refused
    /// sim-only command), and the test then ends them.
    /// </summary>
    [Fact]
    public void A_check_that_does_not_hold_live_fails_the_run_and_keep_leaves_the_processes_for_shell_connect()
    {
        var scenario = Path.Combine(_dir, "never-peered.yaml");
        File.WriteAllText(scenario, NeverPeered);
        var data = Path.Combine(_dir, "data-fail");
        var basePort = LiveTestSupport.FreePortRange(4);
        try
        {
            var (exit, stdout, stderr) = CliHarness.Invoke("live", scenario, "--speed", "120", "--base-port", basePort.ToString(),
                "--data", data, "--json", "--keep", "--up-within", "120");

            Assert.True(exit == 1, $"exit {exit}\n{stdout}\n{stderr}");
            using var json = JsonDocument.Parse(stdout);
            var checks = json.RootElement.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
            Assert.False(json.RootElement.GetProperty("passed").GetBoolean());
            Assert.True(checks["the upload is accepted"].GetProperty("passed").GetBoolean(), checks["the upload is accepted"].GetProperty("detail").GetString());
            Assert.True(checks["imp-a holds the CA"].GetProperty("passed").GetBoolean(), checks["imp-a holds the CA"].GetProperty("detail").GetString());
            var failed = checks["imp-b holds the CA although the clusters are not peered"];
            Assert.False(failed.GetProperty("passed").GetBoolean());
            Assert.Contains("imp-b-pub tomcat-trust lacks 'Example Corp Root CA'", failed.GetProperty("detail").GetString());

            Assert.Equal(3, LiveTestSupport.ProcessesMentioning(data).Count);
            var script = Path.Combine(_dir, "live-shell.txt");
            File.WriteAllText(script, "nodes\nuse imp-a-pub\nutils service list\nexit\nadvance 10m\nexit\n");
            var (shellExit, shellOut, shellErr) = CliHarness.Invoke("shell", "--connect", $"127.0.0.1:{basePort + 1}", "--script", script);
            Assert.Contains("3 node members Up (cucm-pub, imp-a-pub, imp-b-pub)", shellOut);
            Assert.Contains("incarnation 1", shellOut);
            Assert.Contains("Cisco Tomcat", shellOut);
            Assert.Contains("'advance' is not available on a live deployment", shellErr);
            Assert.Equal(1, shellExit);
        }
        finally
        {
            foreach (var pid in LiveTestSupport.ProcessesMentioning(data))
            {
                try
                {
                    using var process = System.Diagnostics.Process.GetProcessById(pid);
                    process.Kill();
                    process.WaitForExit(10_000);
                }
                catch (Exception e) when (e is ArgumentException or InvalidOperationException)
                {
                    // Already gone.
                }
            }
        }

        Assert.Empty(LiveTestSupport.ProcessesMentioning(data));
    }

    [Fact]
    public void A_fault_live_mode_cannot_play_is_refused_before_anything_starts()
    {
        var scenario = Path.Combine(_dir, "service-kill.yaml");
        File.WriteAllText(scenario, NeverPeered.Replace("expect:", """
            faults:
              - at: 5m
                service-kill: { node: imp-a-pub, service: Cisco Tomcat }
            expect:
            """, StringComparison.Ordinal));
        var data = Path.Combine(_dir, "refused");
        var (exit, stdout, stderr) = CliHarness.Invoke("live", scenario, "--data", data);
        Assert.Equal(2, exit);
        Assert.Contains("live mode cannot play never-peered; nothing was started", stderr);
        Assert.Contains("service-kill.yaml:", stderr);
        Assert.Contains("fault 'service-kill' cannot be played live", stderr);
        Assert.Equal("", stdout);
        Assert.False(Directory.Exists(data));
    }

    public void Dispose() => LiveTestSupport.DeleteQuietly(_dir);
}
