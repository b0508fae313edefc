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
/// The kernel's measurements, each run in this process on the wall clock: (a) 24 virtual hours of the default
/// deployment, start-up included; (a') the same day with every node a real IM&amp;P/CUCM platform; (b) actor messages
/// per second through the kernel and through a stock ActorSystem on the same workload; (c) start-up time at 20 and
/// 300 nodes and the memory at 300; (d) the share of a 100-node platform start-up spent
/// installing certificates. Targets are those of docs/kernel.md ("Measured") and docs/bench.md.
/// </summary>
public static class KernelBenchmark
{
    private const string KernelDoc = "docs/kernel.md#measured";

    private static readonly FigureSpec DayWall = new("day-wall", "24 virtual hours of the 20-node default deployment (skeleton services), start-up included", "s",
        BenchTarget.AtMost(2, KernelDoc));

    private static readonly FigureSpec DayCompression = new("day-compression", "the same day: virtual time / wall time", "x real time",
        BenchTarget.AtLeast(40_000, KernelDoc));

    private static readonly FigureSpec PlatformDayWall = new("platform-day-wall", "24 virtual hours of the default deployment as IM&P/CUCM platforms, peered, start-up included", "s",
        BenchTarget.AtMost(2, "README: a day of a 20-node deployment in about a second; same bound as day-wall"));

    private static readonly FigureSpec KernelRate = new("kernel-msg-rate", "2 M actor messages (100 ping-pong pairs) through the kernel's loop thread", "msg/s",
        BenchTarget.AtLeast(1_000_000, "docs/bench.md: half the lowest rate measured when the kernel was built"));

    private static readonly FigureSpec ThroughputRatio = new("kernel-stock-ratio", "kernel rate / stock ActorSystem rate (thread-pool dispatcher) on the same workload", "ratio",
        BenchTarget.AtLeast(1.2, "issue 14 (chaos): the kernel at least 1.2 times a stock ActorSystem's rate"));

    private static readonly FigureSpec ThroughputRatioPerCpu = new("kernel-stock-ratio-per-cpu", "kernel messages per CPU second / stock ActorSystem messages per CPU second (process CPU time, every thread) on the same workload", "ratio",
        BenchTarget.AtLeast(1, "docs/kernel.md: a message costs the kernel's one thread no more CPU than the stock system's pool threads (what a campaign's --jobs multiplies)"));

    private static readonly FigureSpec Startup20 = new("startup-20", "start-up of 20 nodes (every node's actors exist)", "ms",
        BenchTarget.AtMost(500, KernelDoc));

    private static readonly FigureSpec Startup20Reused = new("startup-20-reused", "the same 20 nodes started again in the next run, on the systems the first left (NodeSystemPool)", "ms",
        BenchTarget.AtMost(500, KernelDoc));

    private static readonly FigureSpec StartupPerNode300 = new("startup-300-per-node", "start-up of 300 nodes, per node", "ms/node",
        BenchTarget.AtMost(25, "docs/bench.md: the 20-node bound (500 ms) per node"));

    private static readonly FigureSpec Memory300 = new("memory-300", "process working set with 300 nodes after 10 virtual minutes", "MiB",
        BenchTarget.AtMost(1024, KernelDoc));

    private static readonly FigureSpec HeapPerNode300 = new("heap-300-per-node", "managed heap added per node at 300 nodes", "KiB/node",
        BenchTarget.AtMost(1024, "docs/bench.md: 300 nodes within 1 GiB leaves 3 MiB a node; a third of that for the heap"));

    private static readonly FigureSpec CryptoShare = new("crypto-share-100", "share of a 100-node platform start-up spent installing certificates (key pool)", "%",
        BenchTarget.AtMost(50, "docs/pki.md: the key pool makes certificates a minor part of start-up"));

    /// <summary>The kernel's measurements, in the order they run.</summary>
    public static IReadOnlyList<BenchMeasurement> Measurements(int throughputPairs = 100, long messagesPerPair = 20_000) =>
    [
        new("day", "kernel", "(a) 24 h of the default deployment", Day),
        new("platform-day", "kernel", "(a') 24 h of the default deployment as platforms", PlatformDay),
        new("throughput", "kernel", "(b) kernel vs stock ActorSystem throughput", () => Throughput(throughputPairs, messagesPerPair)),
        new("startup", "kernel", "(c) start-up at 20 and 300 nodes, memory at 300", Startup),
        new("crypto-share", "kernel", "(d) certificates' share of a 100-node platform start-up", () => CryptoShareOfStartup(100)),
    ];

    private static IReadOnlyList<BenchSample> Day()
    {
        var topology = Deployment.LoadDefault();
        var wall = Stopwatch.StartNew();
        using var run = KernelShowcase.Create(topology, 7, null);
        Boot(run);
        run.RunUntil(run.Options.Start + TimeSpan.FromHours(24));
        wall.Stop();
        return [new(DayWall, wall.Elapsed.TotalSeconds), new(DayCompression, TimeSpan.FromHours(24) / wall.Elapsed)];
    }

    /// <summary>The same day with every node a real platform (certificates, services, replication, the agent peered both ways).</summary>
    private static IReadOnlyList<BenchSample> PlatformDay()
    {
        var topology = Deployment.LoadDefault();
        var wall = Stopwatch.StartNew();
        using var run = PlatformDeployment.CreateRun(topology, 7);
        PlatformDeployment.AddTo(run, topology);
        Boot(run);
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
        return [new(PlatformDayWall, wall.Elapsed.TotalSeconds)];
    }

    /// <summary>Starts every node and lets their actors be created (and, for platforms, installed): the run's start-up.</summary>
    private static void Boot(SimulationRun run)
    {
        run.StartAll();
        run.Kernel.RunUntilQuiescent();
    }

    private static bool _throughputWarmedUp;

    private static IReadOnlyList<BenchSample> Throughput(int pairs, long perPair)
    {
        if (!_throughputWarmedUp)
        {
            // Both sides once at a tenth of the size, not measured: the first repetition would otherwise time the kernel
            // while Akka's code is still being compiled, and the stock system after it, on code the kernel warmed.
            _throughputWarmedUp = true;
            Throughput(pairs, Math.Max(1, perPair / 10));
        }

        var total = pairs * perPair;

        // Kernel: one loop thread, virtual scheduler.
        double kernelRate;
        TimeSpan kernelCpu, stockCpu;
        using (var kernel = new SimulationKernel(SimInstant.DefaultRunStart))
        {
            var system = ActorSystem.Create("bench-kernel", kernel.SystemConfig);
            var done = 0;
            var cpu = ProcessCpu();
            var wall = Stopwatch.StartNew();
            PingPongWorkload.Serve(system, pairs, perPair, () => done++);
            kernel.RunUntilQuiescent();
            wall.Stop();
            kernelCpu = ProcessCpu() - cpu;
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
            var cpu = ProcessCpu();
            var wall = Stopwatch.StartNew();
            PingPongWorkload.Serve(stock, pairs, perPair, () => finished.Signal());
            if (!finished.Wait(TimeSpan.FromMinutes(5))) throw new TimeoutException("stock workload did not finish in 5 minutes");
            wall.Stop();
            stockCpu = ProcessCpu() - cpu;
            stockRate = total / wall.Elapsed.TotalSeconds;
        }
        finally
        {
            stock.Terminate().Wait(TimeSpan.FromSeconds(10));
        }

        // Per CPU second: the stock system spreads the work over every core's pool threads, the kernel runs it on one
        // thread; what each spent (the process's CPU time, every thread: GC and the JIT's background tiering included)
        // says which does less work per message, whatever the number of cores.
        if (kernelCpu <= TimeSpan.Zero || stockCpu <= TimeSpan.Zero)
            throw new InvalidOperationException($"the workload of {total} messages used no measurable CPU time (kernel {kernelCpu}, stock {stockCpu}): make it larger");
        var perCpu = stockCpu / kernelCpu;
        return [new(KernelRate, kernelRate), new(ThroughputRatio, kernelRate / stockRate), new(ThroughputRatioPerCpu, perCpu)];
    }

    /// <summary>CPU time this process has used so far, on every thread (wall-clock CPU accounting of the OS).</summary>
    private static TimeSpan ProcessCpu()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    private static int _startups;

    private static SimulationRun StartSkeleton(IReadOnlyList<SkeletonDeployment.Cluster> clusters)
    {
        var run = new SimulationRun(new RunOptions { Seed = 1, ClusterOfNode = SkeletonDeployment.ClusterOfNode(clusters) });
        SkeletonDeployment.AddTo(run, clusters);
        run.StartAll();
        run.Kernel.RunUntilQuiescent();
        return run;
    }

    private static IReadOnlyList<BenchSample> Startup()
    {
        // Node names this process has not used: every node gets a new ActorSystem (NodeSystemPool has none of these
        // names), as in the first run of a process. Then the 20 nodes once more, on the systems the first run left.
        var prefix = $"s{++_startups}c";
        var samples = new List<BenchSample>();

        var twenty = SkeletonDeployment.Synthetic(20, prefix + "20-");
        var wall = Stopwatch.StartNew();
        using (StartSkeleton(twenty))
        {
            wall.Stop();
            samples.Add(new(Startup20, wall.Elapsed.TotalMilliseconds));
        }
        wall.Restart();
        using (StartSkeleton(twenty))
        {
            wall.Stop();
            samples.Add(new(Startup20Reused, wall.Elapsed.TotalMilliseconds));
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var heapBefore = GC.GetTotalMemory(true);
        var many = SkeletonDeployment.Synthetic(300, prefix + "300-");
        wall.Restart();
        using var run = StartSkeleton(many);
        wall.Stop();
        samples.Add(new(StartupPerNode300, wall.Elapsed.TotalMilliseconds / 300));
        run.RunFor(TimeSpan.FromMinutes(10));
        var heapAfter = GC.GetTotalMemory(true);
        samples.Add(new(HeapPerNode300, (heapAfter - heapBefore) / 1024.0 / 300));
        samples.Add(new(Memory300, Environment.WorkingSet / 1048576.0));
        return samples;
    }

    /// <summary>
    /// How much of a platform deployment's start-up is cryptography: the start-up of <paramref name="n"/> real
    /// IM&amp;P/CUCM nodes (until every node is installed and booting), and the installation of their certificates alone
    /// for another seed, measured back to back.
    /// </summary>
    private static IReadOnlyList<BenchSample> CryptoShareOfStartup(int n)
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
        return [new(CryptoShare, 100 * crypto / startup)];
    }
}
