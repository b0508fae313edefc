using ImpClusterSim.Domain.Time;
using ImpClusterSim.Domain.Topology;
using ImpClusterSim.Live.Network;
using ImpClusterSim.Live.Ports;

namespace ImpClusterSim.Live.Tests;

/// <summary>
/// Two node hosts in this process, each its own Akka.Cluster member over loopback TCP: the skeleton Intercluster Sync
/// Agent reaches the peer publisher by membership, a cut set on the live network port makes it "Not reachable", the
/// heal makes it "Connected" again. Bounded waits on conditions, never fixed sleeps.
/// </summary>
public sealed class LiveClusterTests : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "impsim-live-cluster-" + Guid.NewGuid().ToString("N"));
    private readonly List<LiveNodeHost> _hosts = [];

    [Fact]
    public async Task Publishers_find_each_other_by_membership_and_a_cut_on_the_network_port_separates_them_until_healed()
    {
        var topology = TopologyLoader.LoadEmbedded("two-clusters");
        var time = new LiveTime(SimInstant.DefaultRunStart, DateTimeOffset.UtcNow, 600);
        var (portA, portB) = (LiveTestKit.FreePort(), LiveTestKit.FreePort());
        var seed = LiveHocon.AddressOf("127.0.0.1", portA);
        var a = await Start(topology, "imp-a-pub", portA, [seed], time);
        var b = await Start(topology, "imp-b-pub", portB, [seed], time);

        await WaitFor(() => a.Directory.Current.ContainsKey("imp-b-pub") && b.Directory.Current.ContainsKey("imp-a-pub"), "both publishers in each other's directory");
        await WaitFor(() => Status(a, "imp-b-pub") == "Connected", "imp-a-pub shows imp-b-pub Connected");

        var cut = new LinkRules([new LinkCut("a|b", ["imp-a-pub"], ["imp-b-pub"], BothWays: true)], 0, 0);
        a.Network.Rules = cut;
        b.Network.Rules = cut;
        var droppedBefore = a.Network.Dropped;
        await WaitFor(() => Status(a, "imp-b-pub") == "Not reachable", "imp-a-pub shows imp-b-pub Not reachable during the cut");
        Assert.True(a.Network.Dropped > droppedBefore);
        // Membership traffic is not cut: both stay Up members.
        Assert.True(a.Directory.Current.ContainsKey("imp-b-pub"));

        a.Network.Rules = LinkRules.Open;
        b.Network.Rules = LinkRules.Open;
        await WaitFor(() => Status(a, "imp-b-pub") == "Connected", "imp-a-pub shows imp-b-pub Connected after the heal");
    }

    private async Task<LiveNodeHost> Start(Deployment topology, string node, int port, IReadOnlyList<string> seeds, LiveTime time)
    {
        var role = LiveSkeleton.RoleOf(topology, node);
        var spec = topology.Node(node);
        var settings = new LiveNodeSettings(node, spec.Cluster, role.IsPublisher,
            new LiveHostSettings("127.0.0.1", port, seeds, LiveNodeSettings.RolesOf(node, spec.Cluster, role.IsPublisher)),
            _dir, time, 1);
        var host = await LiveNodeHost.StartAsync(settings, LiveSkeleton.Root(role), Bound);
        _hosts.Add(host);
        return host;
    }

    /// <summary>The last peer status <paramref name="host"/> traced for <paramref name="peer"/>.</summary>
    private static string? Status(LiveNodeHost host, string peer) =>
        host.Trace.Since(0, int.MaxValue).Lines
            .Where(l => l.Event == "peer-status" && l.Details.Any(d => d.Key == "peer" && d.Value == peer))
            .Select(l => l.Details.First(d => d.Key == "status").Value)
            .LastOrDefault();

    private static Task WaitFor(Func<bool> condition, string what) => LiveTestKit.WaitFor(condition, what, Bound);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => LiveTestKit.DisposeHosts(_hosts, _dir);
}
