using System.Diagnostics;
using System.Globalization;
using Akka.Actor;
using ImpClusterSim.Domain.Time;
using ImpClusterSim.Domain.Topology;
using ImpClusterSim.Scenarios.BuiltIn;
using ImpClusterSim.Simulation;
using ImpClusterSim.Simulation.Kernel;

namespace ImpClusterSim.Cli.Bench;

/// <summary>
/// The kernel's figures, measured in one process: (a) time compression of the default deployment over 24 virtual
/// hours, start-up included; (b) actor messages per second through the kernel and through a stock ActorSystem on the
/// same workload, and their ratio; (c) start-up time and memory per node at 20, 100 and 300 nodes.
/// </summary>
public static class KernelBenchmark
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static void Run(TextWriter output, int throughputPairs = 100, long messagesPerPair = 20_000)
    {
        output.WriteLine("== kernel benchmark (wall clock of this machine; figures vary with load) ==");
        Compression(output);
        PlatformCompression(output);
        Throughput(output, throughputPairs, messagesPerPair);
        StartupAndMemory(output, [20, 100, 300]);
        CryptoShareOfStartup(output, 100);
    }

    /// <summary>
    /// (d) How much of a platform deployment's start-up is cryptography: the start-up of <paramref name="n"/> real
    /// IM&amp;P/CUCM nodes (until every node is installed and booting), and the installation of their certificates alone
    /// for another seed, measured back to back.
    /// </summary>
    private static void CryptoShareOfStartup(TextWriter output, int n)
    {
        var topology = SyntheticTopology.WithNodes(n);
        var wall = Stopwatch.StartNew();
        using (var run = PlatformDeployment.CreateRun(topology, 101))
        {
            PlatformDeployment.AddTo(run, topology);
            run.StartAll();
            run.Kernel.RunUntilQuiescent();
        }
        var startup = wall.Elapsed;

        var factory = new ImpClusterSim.Pki.NodeCertificateFactory("bench-crypto-share", ImpClusterSim.Pki.KeyPool.Shared);
        wall.Restart();
        foreach (var node in topology.Nodes)
            Domain.Certificates.NodeCertificates.Install(node, factory, SimInstant.DefaultRunStart.ToDateTime());
        var crypto = wall.Elapsed;
        output.WriteLine(string.Create(C,
            $"(d) {topology.Nodes.Count()} platform nodes: start-up {startup.TotalMilliseconds:0} ms, of which certificate installation alone takes " +
            $"{crypto.TotalMilliseconds:0} ms ({crypto.TotalMilliseconds / startup.TotalMilliseconds:P0})"));
    }

    private static void Compression(TextWriter output)
    {
        var topology = Deployment.LoadDefault();
        foreach (var label in new[] { "first run in process (cold)", "second run (warm)" })
        {
            var wall = Stopwatch.StartNew();
            using var run = KernelShowcase.Create(topology, 7, null);
            var started = Boot(run, wall);
            run.RunUntil(run.Options.Start + TimeSpan.FromHours(24));
            wall.Stop();
            output.WriteLine(DayLine($"(a) 24 h of the default deployment ({run.Nodes.Count} nodes), {label}", run, wall.Elapsed, started));
        }
    }

    /// <summary>The same day with every node a real platform (certificates, services, replication, the agent peered both ways).</summary>
    private static void PlatformCompression(TextWriter output)
    {
        var topology = Deployment.LoadDefault();
        var wall = Stopwatch.StartNew();
        using var run = PlatformDeployment.CreateRun(topology, 7);
        PlatformDeployment.AddTo(run, topology);
        var started = Boot(run, wall);
        run.RunFor(TimeSpan.FromMinutes(15));
        var publishers = topology.ImpClusters.Select(c => c.Publisher).ToArray();
        foreach (var from in publishers)
            foreach (var to in publishers.Where(p => p != from))
                run.Operator.Request<Node.Runtime.AdminReply>(from.Name, r => new Node.Runtime.InterclusterOperation(
                    new Domain.Intercluster.AddPeer(new Domain.Intercluster.InterclusterPeer(to.Fqdn,
                        Node.Runtime.InterclusterApplicationUser.Username, Node.Runtime.InterclusterApplicationUser.Password,
                        Domain.Intercluster.PeerProtocol.Tls)), r));
        run.RunUntil(run.Options.Start + TimeSpan.FromHours(24));
        wall.Stop();
        output.WriteLine(DayLine($"(a') 24 h of the default deployment as IM&P/CUCM platforms ({run.Nodes.Count} nodes, peered)", run, wall.Elapsed, started));
    }

    /// <summary>Starts every node and lets their actors be created (and, for platforms, installed): the run's start-up.</summary>
    private static TimeSpan Boot(SimulationRun run, Stopwatch wall)
    {
        run.StartAll();
        run.Kernel.RunUntilQuiescent();
        return wall.Elapsed;
    }

    private static string DayLine(string what, SimulationRun run, TimeSpan wall, TimeSpan startup)
    {
        var s = run.Network.Stats;
        return string.Create(C,
            $"{what}: {wall.TotalSeconds:0.000} s wall (start-up {startup.TotalMilliseconds:0} ms) = " +
            $"{TimeSpan.FromHours(24).TotalSeconds / wall.TotalSeconds:0}x real time; {s.Delivered} deliveries, " +
            $"{s.Delivered / wall.TotalSeconds:0}/s; {run.Kernel.Executed} mailbox runs");
    }

    private static void Throughput(TextWriter output, int pairs, long perPair)
    {
        var total = pairs * perPair;

        // Kernel: one loop thread, virtual scheduler.
        double kernelRate;
        using (var kernel = new SimulationKernel(SimInstant.DefaultRunStart))
        {
            var system = ActorSystem.Create("bench-kernel", kernel.SystemConfig);
            var done = 0;
            var wall = Stopwatch.StartNew();
            PingPongWorkload.Serve(system, pairs, perPair, () => done++);
            kernel.RunUntilQuiescent();
            wall.Stop();
            if (done != pairs) throw new InvalidOperationException($"kernel workload incomplete: {done}/{pairs}");
            kernelRate = total / wall.Elapsed.TotalSeconds;
            system.Terminate();
            kernel.RunUntilQuiescent();
        }

        // Stock: thread-pool dispatcher, default scheduler, same actors and workload.
        double stockRate;
        var stock = ActorSystem.Create("bench-stock", "akka.loglevel = WARNING");
        try
        {
            using var finished = new CountdownEvent(pairs);
            var wall = Stopwatch.StartNew();
            PingPongWorkload.Serve(stock, pairs, perPair, () => finished.Signal());
            if (!finished.Wait(TimeSpan.FromMinutes(5))) throw new TimeoutException("stock workload did not finish in 5 minutes");
            wall.Stop();
            stockRate = total / wall.Elapsed.TotalSeconds;
        }
        finally
        {
            stock.Terminate().Wait(TimeSpan.FromSeconds(10));
        }

        output.WriteLine(string.Create(C,
            $"(b) {total} messages ({pairs} ping-pong pairs): kernel {kernelRate:0} msg/s, stock ActorSystem {stockRate:0} msg/s, ratio kernel/stock {kernelRate / stockRate:0.00}"));
    }

    private static void StartupAndMemory(TextWriter output, int[] sizes)
    {
        foreach (var n in sizes)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var heapBefore = GC.GetTotalMemory(true);
            var rssBefore = Environment.WorkingSet;
            var clusters = SkeletonDeployment.Synthetic(n);
            var wall = Stopwatch.StartNew();
            using var run = new SimulationRun(new RunOptions { Seed = 1, ClusterOfNode = SkeletonDeployment.ClusterOfNode(clusters) });
            SkeletonDeployment.AddTo(run, clusters);
            run.StartAll();
            run.Kernel.RunUntilQuiescent();
            wall.Stop();
            run.RunFor(TimeSpan.FromMinutes(10));
            var heapAfter = GC.GetTotalMemory(true);
            var rssAfter = Environment.WorkingSet;
            output.WriteLine(string.Create(C,
                $"(c) {n} nodes: start-up {wall.Elapsed.TotalMilliseconds:0} ms ({wall.Elapsed.TotalMilliseconds / n:0.0} ms/node); " +
                $"managed heap +{(heapAfter - heapBefore) / 1048576.0:0.0} MiB ({(heapAfter - heapBefore) / 1024.0 / n:0} KiB/node); " +
                $"process working set {rssAfter / 1048576.0:0} MiB (+{(rssAfter - rssBefore) / 1048576.0:0} MiB)"));
        }
    }
}
