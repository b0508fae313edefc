using Akka.Actor;
using ImpClusterSim.Domain.Intercluster;
using ImpClusterSim.Domain.Time;
using ImpClusterSim.Domain.Topology;
using ImpClusterSim.Live.Ports;
using ImpClusterSim.Node;
using ImpClusterSim.Node.Runtime;
using ImpClusterSim.Node.Services;

namespace ImpClusterSim.Live.Tests;

/// <summary>
/// The platform's node code (Service Manager and service actors) in three live node hosts of this process, each its
/// own Akka.Cluster member over loopback TCP: two IM&amp;P publishers peer with each other over TLS and reach
/// "Connection is secure", with every Intercluster Sync Agent, Cisco Sync Agent and TLS message between them crossing
/// Akka.Remote through the wire codecs, and each node's database state (certificates, keys, peers) kept in its
/// SQLite file through the same codecs. Bounded waits on conditions, never fixed sleeps.
/// </summary>
public sealed class LivePlatformTests : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);

    private const string Topology = """
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
        """;

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "impsim-live-platform-" + Guid.NewGuid().ToString("N"));
    private readonly List<LiveNodeHost> _hosts = [];

    [Fact]
    public async Task Two_publishers_running_the_platform_in_live_hosts_peer_over_tls_and_keep_their_state_in_sqlite()
    {
        var topology = TopologyLoader.Parse(Topology, "live-platform.yaml");
        // 600 virtual seconds per wall second: the services' start-up and the agents' first syncs take seconds.
        var time = new LiveTime(SimInstant.DefaultRunStart, DateTimeOffset.UtcNow, 600);
        var ports = new[] { LiveTestKit.FreePort(), LiveTestKit.FreePort(), LiveTestKit.FreePort() };
        var seed = LiveHocon.AddressOf("127.0.0.1", ports[0]);
        var cucm = await Start(topology, "cucm-pub", ports[0], [seed], time);
        var a = await Start(topology, "imp-a-pub", ports[1], [seed], time);
        var b = await Start(topology, "imp-b-pub", ports[2], [seed], time);
        await WaitFor(() => new[] { cucm, a, b }.All(h => h.Directory.Current.Count == 3), "every host sees the three node members");

        foreach (var (host, peer) in new[] { (a, "imp-b-pub.example.com"), (b, "imp-a-pub.example.com") })
        {
            var reply = await Guardian(host).Ask<AdminReply>((IActorRef r) => (object)new InterclusterOperation(
                new AddPeer(new InterclusterPeer(peer, InterclusterApplicationUser.Username, InterclusterApplicationUser.Password, PeerProtocol.Tls)), r), Bound, CancellationToken.None);
            Assert.True(reply.Accepted, string.Join("\n", reply.Messages));
        }

        // The agents' syncs cross the cluster (IcsaSyncRequest/Response, TLS hellos with certificate chains).
        await WaitForAsync(async () => await StatusOf(a, "imp-b-pub.example.com") == PeerStatusKind.Secure, "imp-a-pub shows imp-b-pub 'Connection is secure'");
        await WaitForAsync(async () => await StatusOf(b, "imp-a-pub.example.com") == PeerStatusKind.Secure, "imp-b-pub shows imp-a-pub 'Connection is secure'");
        Assert.True(a.Network.Sent > 0 && b.Network.Sent > 0);

        // imp-a-pub's SQLite file holds its database state, read back through the codecs: the peer, and imp-b-pub's
        // Tomcat certificate imported into tomcat-trust by the sync.
        var bTomcat = (await Guardian(b).Ask<CertificatesSnapshot>((IActorRef r) => (object)new QueryCertificates(r), Bound, CancellationToken.None)).Certificates
            .OwnCertificate(Pki.CertificateUnit.Tomcat)!.Certificate;
        await WaitFor(() => a.Disk.TryGet(NodeDatabaseState.DiskKey, out NodeDatabaseState state)
                && state.Icsa!.Peers.Find("imp-b-pub.example.com") is not null
                && state.Certificates.GetTrustStore(Domain.Certificates.TrustStoreNames.TomcatTrust).Certificates.Contains(bTomcat),
            "imp-a-pub's SQLite file holds the peer and imp-b-pub's Tomcat certificate in tomcat-trust");
    }

    private static ActorSelection Guardian(LiveNodeHost host) => host.NodeSystem!.ActorSelection("/user/" + NodeGuardian.Name);

    private static async Task<PeerStatusKind?> StatusOf(LiveNodeHost host, string peer)
    {
        var snapshot = await Guardian(host).Ask<PeerStatusSnapshot>((IActorRef r) => (object)new QueryPeerStatus(r), TimeSpan.FromSeconds(10), CancellationToken.None);
        return snapshot.States.FirstOrDefault(s => string.Equals(s.PeerAddress, peer, StringComparison.OrdinalIgnoreCase))?.Status.Kind;
    }

    private async Task<LiveNodeHost> Start(Deployment topology, string node, int port, IReadOnlyList<string> seeds, LiveTime time)
    {
        var spec = topology.Node(node);
        var settings = new LiveNodeSettings(node, spec.Cluster, spec.IsPublisher,
            new LiveHostSettings("127.0.0.1", port, seeds, LiveNodeSettings.RolesOf(node, spec.Cluster, spec.IsPublisher)),
            _dir, time, 1);
        var host = await LiveNodeHost.StartAsync(settings, LivePlatform.Root(topology, node), Bound);
        _hosts.Add(host);
        return host;
    }

    private static Task WaitFor(Func<bool> condition, string what) => LiveTestKit.WaitFor(condition, what, Bound);

    private static Task WaitForAsync(Func<Task<bool>> condition, string what) => LiveTestKit.WaitForAsync(condition, what, Bound);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => LiveTestKit.DisposeHosts(_hosts, _dir);
}
