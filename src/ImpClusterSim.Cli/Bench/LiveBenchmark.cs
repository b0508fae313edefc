using System.Diagnostics;
using System.Globalization;
using System.Text;
using ImpClusterSim.Domain.Time;
using ImpClusterSim.Domain.Topology;
using ImpClusterSim.Live.Control;
using ImpClusterSim.Live.Coordinator;

namespace ImpClusterSim.Cli.Bench;

/// <summary>
/// Live mode's figures (issue 15's targets, docs/live.md "Benchmark"): start <c>n</c> <c>impsim node</c> processes on
/// loopback with the coordinator, measure the wall time until every member is Up (target: 20 processes in at most
/// 15 s on the 2-core machine), then the resident memory of each node process (target: at most 150 MB), once when
/// Up and again after the services have run for <c>runFor</c> of wall time. Every process is stopped at the end.
/// Figures depend on the machine's load; they are printed, never asserted.
/// </summary>
public static class LiveBenchmark
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>Runs the benchmark; returns false (with the reason printed) when the deployment could not start.</summary>
    public static bool Run(TextWriter output, int nodes, int basePort, TimeSpan runFor, double speed = 120)
    {
        var data = Path.Combine(Path.GetTempPath(), "impsim-bench-live-" + Environment.ProcessId.ToString(C));
        Directory.CreateDirectory(data);
        var yaml = TopologyYaml(nodes);
        var topologyPath = Path.Combine(data, "bench-topology.yaml");
        File.WriteAllText(topologyPath, yaml);
        var topology = TopologyLoader.Parse(yaml, topologyPath);
        var options = new LiveDeploymentOptions(topology, topologyPath, basePort, speed, 1, data, NodeLaunch.For(typeof(LiveBenchmark).Assembly.Location))
        {
            UpWithin = TimeSpan.FromSeconds(120),
        };

        output.WriteLine(string.Create(C,
            $"== live benchmark: {nodes} node processes on 127.0.0.1:{basePort + 1}-{basePort + nodes}, {Configuration} build, " +
            $"{Environment.ProcessorCount} cores (wall clock of this machine; figures vary with load) =="));
        output.Flush();
        var wall = Stopwatch.StartNew();
        try
        {
            var coordinator = LiveCoordinator.StartAsync(options).GetAwaiter().GetResult();
            try
            {
                var up = wall.Elapsed;
                output.WriteLine(string.Create(C, $"(a) {nodes} node processes Up in {up.TotalSeconds:0.0} s wall (target: 20 in at most 15 s)"));
                output.WriteLine(Resident("(b) resident memory per node process when Up", coordinator));
                output.Flush();
                coordinator.StartServicesAsync(SimInstant.DefaultRunStart).GetAwaiter().GetResult();
                // A benchmark's measuring period, not a test's wait: let the services run (timers, replication, agents).
                Thread.Sleep(runFor);
                var statuses = coordinator.Options.Nodes
                    .Select(n => coordinator.AskAsync<NodeStatusReport>(n.Name, new GetNodeStatus()).GetAwaiter().GetResult())
                    .ToArray();
                output.WriteLine(Resident(string.Create(C,
                    $"(c) resident memory per node process after {runFor.TotalSeconds:0} s wall of services ({runFor.TotalSeconds * speed / 60:0} virtual minutes at speed {speed:0})"),
                    coordinator));
                output.WriteLine(string.Create(C,
                    $"    node traffic in that time: {statuses.Sum(s => s.Sent)} messages sent, {statuses.Sum(s => s.Dropped)} dropped; " +
                    $"coordinator process {Process.GetCurrentProcess().WorkingSet64 / 1e6:0} MB"));
            }
            finally
            {
                var stop = Stopwatch.StartNew();
                coordinator.DisposeAsync().AsTask().GetAwaiter().GetResult();
                output.WriteLine(string.Create(C, $"(d) every node process stopped in {stop.Elapsed.TotalSeconds:0.0} s wall"));
            }
            return true;
        }
        catch (Exception e) when (e is LiveStartException or LiveNodeUnreachableException or TimeoutException or Akka.Actor.AskTimeoutException)
        {
            output.WriteLine($"live benchmark stopped after {wall.Elapsed.TotalSeconds.ToString("0.0", C)} s: {e.Message}");
            return false;
        }
        finally
        {
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
                // A file still held: the temporary directory is left behind.
            }
        }
    }

    /// <summary>Debug or Release: the configuration this program was built with.</summary>
    public static string Configuration =>
#if DEBUG
        "Debug";
#else
        "Release";
#endif

    /// <summary>
    /// Min, median and max resident set size (MB, 10^6 bytes) of the running node processes, and the largest; and the
    /// CPU time (user + system) they have used since they started, which does not depend on the machine's load.
    /// </summary>
    private static string Resident(string what, LiveCoordinator coordinator)
    {
        var sizes = new List<(string Node, double Mb, double Cpu)>();
        foreach (var p in coordinator.Processes.Values)
        {
            if (p.ProcessId is not { } pid) continue;
            try
            {
                using var process = Process.GetProcessById(pid);
                sizes.Add((p.Node, process.WorkingSet64 / 1e6, process.TotalProcessorTime.TotalSeconds));
            }
            catch (ArgumentException)
            {
                // Exited meanwhile.
            }
        }
        if (sizes.Count == 0) return what + ": no process running";
        var ordered = sizes.OrderBy(s => s.Mb).ToArray();
        var max = ordered[^1];
        return string.Create(C,
            $"{what}: min {ordered[0].Mb:0} MB, median {ordered[ordered.Length / 2].Mb:0} MB, max {max.Mb:0} MB ({max.Node}), " +
            $"total {ordered.Sum(s => s.Mb):0} MB for {ordered.Length} processes (target: at most 150 MB each); " +
            $"CPU used so far {ordered.Sum(s => s.Cpu):0.0} s in all, median {ordered.Select(s => s.Cpu).Order().ElementAt(ordered.Length / 2):0.00} s per process");
    }

    /// <summary>
    /// <paramref name="n"/> nodes exactly: a CUCM cluster of one or two nodes, then IM&amp;P clusters of up to six
    /// (a publisher and subscribers, in subclusters of two), peered by the showcase's services.
    /// </summary>
    public static string TopologyYaml(int n)
    {
        if (n < 2) throw new ArgumentOutOfRangeException(nameof(n), "at least two nodes (a CUCM and an IM&P publisher)");
        var cucm = n >= 4 ? 2 : 1;
        var yaml = new StringBuilder("description: live benchmark\ncucm-clusters:\n  - name: cucm\n    nodes:\n");
        for (var i = 0; i < cucm; i++)
            yaml.Append(C, $"      - {{ name: cucm-{i}, fqdn: cucm-{i}.example.com, ip: 10.0.0.{i + 10}, role: {(i == 0 ? "publisher" : "subscriber")} }}\n");
        yaml.Append("imp-clusters:\n");
        var left = n - cucm;
        for (var k = 0; left > 0; k++)
        {
            var size = Math.Min(6, left);
            left -= size;
            yaml.Append(C, $"  - name: imp-{k}\n    cucm-cluster: cucm\n    domain: d{k}.example.com\n    nodes:\n");
            for (var i = 0; i < size; i++)
                yaml.Append(C, $"      - {{ name: imp-{k}-{i}, fqdn: imp-{k}-{i}.example.com, ip: 10.1.{k}.{i + 10}, role: {(i == 0 ? "publisher" : "subscriber")} }}\n");
            yaml.Append("    subclusters:\n");
            for (var s = 0; s * 2 < size; s++)
            {
                var members = Enumerable.Range(2 * s, Math.Min(2, size - 2 * s)).Select(i => $"imp-{k}-{i}");
                yaml.Append(C, $"      - {{ name: imp-{k}-sc{s}, nodes: [{string.Join(", ", members)}] }}\n");
            }
        }
        return yaml.ToString();
    }
}
