using ImpClusterSim.Domain.Intercluster;
using ImpClusterSim.Domain.Services;
using ImpClusterSim.Node.Ports;
using ImpClusterSim.Node.Runtime;
using ImpClusterSim.Simulation.Randomness;
using static ImpClusterSim.Node.Tests.Platform.InterclusterFixture;

namespace ImpClusterSim.Node.Tests.Platform;

/// <summary>
/// The intercluster invariants over many seeded worlds: a chaotic phase (partitions one way and both ways, crashes,
/// Tomcat restarts, clock skew, optionally a whole cluster going FIPS), checked all the time; then a healed phase in
/// which every configured peer pair whose certificates allow it must reach "Connection is secure" within the bound
/// (node boot + periodic interval + retry + panel refresh).
/// </summary>
public sealed class InterclusterChaosTests
{
    public static TheoryData<ulong> Seeds => [.. Enumerable.Range(1, 32).Select(i => (ulong)i)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Invariants_hold_under_chaos_and_peers_converge_after_healing(ulong seed)
    {
        using var f = new InterclusterFixture(seed);
        var violations = new List<TraceEvent>();
        var history = new List<string>();
        f.Run.Trace.AddObserver(e =>
        {
            if (e.Node is A or B || e.Path == "/" || e.Node == "network")
                history.Add($"{e.Time} {e.Node} {e.Event} {string.Join(",", e.Details.Select(d => d.Key + "=" + d.Value))}");
        });
        var exchanges = new List<(string From, string To)>();
        f.Run.Trace.AddObserver(e =>
        {
            if (e.Event == "invariant-violation") violations.Add(e);
            if (e.Event == "certificate-exchange")
                exchanges.Add((e.Details.Single(d => d.Key == "from-fips").Value, e.Details.Single(d => d.Key == "to-fips").Value));
        });
        f.PeerBothWays();

        var chaos = new RunRandomness(seed).Stream("chaos");
        var imp = f.Run.Nodes.Where(n => n.Cluster.StartsWith("imp-", StringComparison.Ordinal)).Select(n => n.Name).ToArray();
        var a = imp.Where(n => n.StartsWith("imp-a", StringComparison.Ordinal)).ToArray();
        var b = imp.Where(n => n.StartsWith("imp-b", StringComparison.Ordinal)).ToArray();
        var fipsOnB = seed % 4 == 0;
        if (fipsOnB)
            foreach (var node in b)
            {
                f.Cli(node, "utils fips enable");
                f.Cli(node, "yes");
            }

        for (var round = 0; round < 18; round++)
        {
            switch (chaos.NextInt64(0, 5))
            {
                case 0:
                    f.Run.Network.StartPartition("p" + round, a, b, chaos.Bernoulli(0.5) ? Simulation.Network.PartitionDirection.OneWay : Simulation.Network.PartitionDirection.BothWays);
                    f.Run.After(TimeSpan.FromMinutes(chaos.NextInt64(5, 40)), () => f.Run.Network.Heal("p" + round));
                    break;
                case 1:
                    var victim = imp[chaos.NextInt64(0, imp.Length)];
                    f.Run[victim].Crash();
                    f.Run.After(TimeSpan.FromMinutes(chaos.NextInt64(5, 30)), () => { if (!f.Run[victim].IsUp) f.Run[victim].Start(); });
                    break;
                case 2:
                    var publisher = chaos.Bernoulli(0.5) ? A : B;
                    if (f.Run[publisher].IsUp) f.Cli(publisher, "utils service restart " + ServiceNames.CiscoTomcat);
                    break;
                case 3:
                    var skewed = imp[chaos.NextInt64(0, imp.Length)];
                    f.Run.SetSkew(skewed, TimeSpan.FromMinutes(chaos.NextInt64(-120, 120)));
                    break;
                default:
                    if (f.Run[A].IsUp) f.Cli(A, "utils service restart " + ServiceNames.CiscoInterclusterSyncAgent);
                    break;
            }
            f.Run.RunFor(TimeSpan.FromMinutes(10));
        }

        // Healed phase: no partitions, every node up, clocks right; then no more changes.
        f.Run.Network.HealAll();
        foreach (var node in f.Run.Nodes)
        {
            if (!node.IsUp) node.Start();
            if (node.Skew != TimeSpan.Zero) f.Run.SetSkew(node.Name, TimeSpan.Zero);
        }
        var bound = TimeSpan.FromMinutes(15) + IcsaTimings.Default.ConvergenceBound;
        f.Run.RunFor(bound);

        Assert.Empty(violations);
        Assert.All(exchanges, x => Assert.Equal(x.From, x.To));
        var why = string.Join("\n", history.Where(h => !h.Contains("service-status") || h.Contains("Tomcat") || h.Contains("Intercluster")).TakeLast(40));
        if (fipsOnB)
        {
            Assert.True(f.Agent(A, BAddress) == PeerStatusKind.FipsMismatch, why);
        }
        else
        {
            Assert.True(f.Panel(A, BAddress) == "Connection is secure", why);
            Assert.True(f.Panel(B, AAddress) == "Connection is secure", why);
        }
    }
}
