using System.Diagnostics;
using System.Globalization;
using System.Text;
using ImpClusterSim.Domain.Time;
using ImpClusterSim.Domain.Topology;
using ImpClusterSim.Live.Control;
using ImpClusterSim.Live.Coordinator;

namespace ImpClusterSim.Cli.Bench;

/// <summary>
/// Live mode's figures (issue 15's targets, docs/live.md "Benchmark"): start <c>n</c> <c>impsim node --scenario</c>
/// processes on loopback with the coordinator, each running the platform (its Service Manager and service actors, as
/// <c>impsim live SCENARIO</c> runs them) for a scenario with no steps on the embedded <c>default</c> topology (20
/// nodes; another node count gets a synthetic topology), and measure the wall time until every member is Up (target:
/// 20 processes in at most 15 s on the 2-core machine), the resident memory of each node process (target: at most
/// 150 MB) when Up, the wall time until every node's platform has booted once the services are started, and the
/// memory again after the services have run for <c>runFor</c> of wall time. Every process is stopped at the end.
/// Figures depend on the machine's load; they are printed, never asserted.
/// </summary>
public static class LiveBenchmark
{
    /// <summary>The start-up target: 20 node processes Up within this wall time (issue 15).</summary>
    public static readonly TimeSpan UpTarget = TimeSpan.FromSeconds(15);

    /// <summary>The memory target: at most this resident set size per node process (MB, 10^6 bytes; issue 15).</summary>
    public const double ResidentTargetMb = 150;

    /// <summary>The file name of the benchmark's scenario, written to its data directory for every node process to load.</summary>
    public const string ScenarioFile = "bench-live.yaml";

    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>Runs the benchmark; returns false (with the reason printed) when the deployment could not start.</summary>
    public static bool Run(TextWriter output, int nodes, int basePort, TimeSpan runFor, double speed = 120)
    {
        var data = Path.Combine(Path.GetTempPath(), "impsim-bench-live-" + Environment.ProcessId.ToString(C));
        Directory.CreateDirectory(data);
        var (topology, topologyName) = Topology(nodes, data);
        var scenarioPath = Path.Combine(data, ScenarioFile);
        File.WriteAllText(scenarioPath, ScenarioYaml(topologyName));
        var options = new LiveDeploymentOptions(topology, scenarioPath, basePort, speed, 1, data, NodeLaunch.For(typeof(LiveBenchmark).Assembly.Location))
        {
            UpWithin = TimeSpan.FromSeconds(120),
            ScenarioPath = scenarioPath,
        };

        output.WriteLine(string.Create(C,
            $"== live benchmark: {nodes} node processes running the platform (topology {topologyName}) on 127.0.0.1:{basePort + 1}-{basePort + nodes}, " +
            $"{Configuration} build, {Environment.ProcessorCount} cores, load average {LoadAverage()} (wall clock of this machine; figures vary with load) =="));
        output.Flush();
        var wall = Stopwatch.StartNew();
        try
        {
            var coordinator = LiveCoordinator.StartAsync(options).GetAwaiter().GetResult();
            try
            {
                var up = wall.Elapsed;
                output.WriteLine(string.Create(C,
                    $"(a) {nodes} node processes Up in {up.TotalSeconds:0.0} s wall (target: 20 in at most {UpTarget.TotalSeconds:0} s{Verdict(nodes == 20, up <= UpTarget)})"));
                output.WriteLine(Timeline(coordinator.StartTimeline));
                output.WriteLine(Resident("(b) resident memory per node process when Up", coordinator));
                output.Flush();
                var services = Stopwatch.StartNew();
                coordinator.StartServicesAsync(SimInstant.DefaultRunStart).GetAwaiter().GetResult();
                var booted = WaitUntilStarted(coordinator, TimeSpan.FromSeconds(60));
                output.WriteLine(booted.Missing.Count == 0
                    ? string.Create(C, $"(c) every node's platform services Started {services.Elapsed.TotalSeconds:0.0} s wall after the coordinator started them (their start-up durations are virtual time)")
                    : $"(c) platform services not all Started within 60 s on: {string.Join(", ", booted.Missing)}");
                output.Flush();
                var rest = runFor - services.Elapsed;
                // A benchmark's measuring period, not a test's wait: let the services run (timers, replication, agents).
                if (rest > TimeSpan.Zero) Thread.Sleep(rest);
                var statuses = coordinator.Options.Nodes
                    .Select(n => coordinator.AskAsync<NodeStatusReport>(n.Name, new GetNodeStatus()).GetAwaiter().GetResult())
                    .ToArray();
                output.WriteLine(Resident(string.Create(C,
                    $"(d) resident memory per node process after {Math.Max(runFor.TotalSeconds, services.Elapsed.TotalSeconds):0} s wall of services ({Math.Max(runFor.TotalSeconds, services.Elapsed.TotalSeconds) * speed / 60:0} virtual minutes at speed {speed:0})"),
                    coordinator));
                output.WriteLine(string.Create(C,
                    $"    node traffic in that time: {statuses.Sum(s => s.Sent)} messages sent, {statuses.Sum(s => s.Dropped)} dropped; " +
                    $"{booted.Events} trace events; coordinator process {Process.GetCurrentProcess().WorkingSet64 / 1e6:0} MB"));
            }
            finally
            {
                var stop = Stopwatch.StartNew();
                coordinator.DisposeAsync().AsTask().GetAwaiter().GetResult();
                output.WriteLine(string.Create(C, $"(e) every node process stopped in {stop.Elapsed.TotalSeconds:0.0} s wall"));
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

    /// <summary>
    /// The embedded <c>default</c> topology for 20 nodes (its name is what the scenario says); another count gets
    /// <see cref="TopologyYaml"/>, written to <paramref name="data"/> (the scenario names the file).
    /// </summary>
    private static (Deployment Topology, string Name) Topology(int nodes, string data)
    {
        if (nodes == TopologyLoader.LoadDefault().Nodes.Count()) return (TopologyLoader.LoadDefault(), "default");
        var yaml = TopologyYaml(nodes);
        var path = Path.Combine(data, "bench-topology.yaml");
        File.WriteAllText(path, yaml);
        return (TopologyLoader.Parse(yaml, path), "bench-topology.yaml");
    }

    /// <summary>A scenario with no steps, faults or checks on <paramref name="topology"/>: the platform's services, idle.</summary>
    public static string ScenarioYaml(string topology) => $"""
        # impsim bench --live: every node runs the platform's services, nothing is played.
        name: bench-live
        description: the live benchmark's deployment, the platform's services idle
        seed: 1
        until: 1h
        deployment:
          topology: {topology}

        """;

    /// <summary>
    /// Waits (bounded) until every node's trace shows each of its platform's services Started (the Service Manager's
    /// <c>service-status</c> events: every service seen, last status Started); the nodes still missing and the events seen.
    /// </summary>
    private static (IReadOnlyList<string> Missing, long Events) WaitUntilStarted(LiveCoordinator coordinator, TimeSpan within)
    {
        var deadline = Stopwatch.StartNew();
        var next = new Dictionary<string, long>(StringComparer.Ordinal);
        var services = coordinator.Options.Nodes.ToDictionary(n => n.Name, _ => new Dictionary<string, string>(StringComparer.Ordinal), StringComparer.Ordinal);
        var missing = new SortedSet<string>(services.Keys, StringComparer.Ordinal);
        long events = 0;
        while (true)
        {
            foreach (var node in missing.ToArray())
            {
                var batch = coordinator.AskAsync<TraceBatch>(node, new PullTrace(next.GetValueOrDefault(node))).GetAwaiter().GetResult();
                next[node] = batch.Next;
                events += batch.Lines.Count;
                foreach (var line in batch.Lines.Where(l => l.Event == "service-status"))
                {
                    var details = line.Details.ToDictionary(d => d.Key, d => d.Value, StringComparer.Ordinal);
                    if (details.TryGetValue("service", out var service) && details.TryGetValue("status", out var status)) services[node][service] = status;
                }
                if (services[node].Count > 0 && services[node].Values.All(v => v == "Started")) missing.Remove(node);
            }
            if (missing.Count == 0 || deadline.Elapsed > within) return ([.. missing], events);
            Thread.Sleep(100);
        }
    }

    private static string Timeline(IReadOnlyDictionary<string, (TimeSpan? Joining, TimeSpan? Up)> timeline)
    {
        static string Spread(IEnumerable<TimeSpan> xs)
        {
            var s = xs.Order().ToArray();
            return s.Length == 0 ? "-" : string.Create(C, $"first {s[0].TotalSeconds:0.0} s, median {s[s.Length / 2].TotalSeconds:0.0} s, last {s[^1].TotalSeconds:0.0} s");
        }
        return $"    members seen by the coordinator (joining): {Spread(timeline.Values.Where(t => t.Joining is not null).Select(t => t.Joining!.Value))}; " +
            $"Up: {Spread(timeline.Values.Where(t => t.Up is not null).Select(t => t.Up!.Value))}; coordinator CPU {Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds.ToString("0.0", C)} s";
    }

    private static string Verdict(bool applies, bool met) => applies ? (met ? ": met" : ": NOT met") : "";

    /// <summary>The machine's 1, 5 and 15 minute load averages (/proc/loadavg), or "unknown" where there is none.</summary>
    public static string LoadAverage()
    {
        try
        {
            var parts = File.ReadAllText("/proc/loadavg").Split(' ');
            return string.Join(" ", parts.Take(3));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "unknown";
        }
    }

    /// <summary>
    /// Debug or Release, the configuration this program was built with, "ReadyToRun" when its assembly carries
    /// precompiled native code (published with <c>PublishReadyToRun</c>), and "self-contained composite" when the
    /// tool, its packages and the runtime were compiled as one composite image (<c>impsim.r2r.dll</c>), as
    /// <c>./impsim</c> runs Release.
    /// </summary>
    public static string Configuration =>
#if DEBUG
        "Debug" + Precompiled;
#else
        "Release" + Precompiled;
#endif

    private static string Precompiled =>
        File.Exists(Path.Combine(AppContext.BaseDirectory, "impsim.r2r.dll")) ? ", ReadyToRun self-contained composite"
        : IsReadyToRun ? ", ReadyToRun" : "";

    private static bool IsReadyToRun
    {
        get
        {
            try
            {
                using var pe = new System.Reflection.PortableExecutable.PEReader(File.OpenRead(typeof(LiveBenchmark).Assembly.Location));
                return pe.PEHeaders.CorHeader?.ManagedNativeHeaderDirectory.Size > 0;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or BadImageFormatException)
            {
                return false;
            }
        }
    }

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
            $"total {ordered.Sum(s => s.Mb):0} MB for {ordered.Length} processes (target: at most {ResidentTargetMb:0} MB each{Verdict(true, max.Mb <= ResidentTargetMb)}); " +
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
