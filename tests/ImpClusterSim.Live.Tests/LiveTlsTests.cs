using System.Security.Cryptography.X509Certificates;
using ImpClusterSim.Domain.Time;
using ImpClusterSim.Domain.Topology;
using ImpClusterSim.Live.Ports;

namespace ImpClusterSim.Live.Tests;

/// <summary>
/// Akka.Remote over mutual TLS with the run CA: members with certificates the CA signed form the cluster; a process
/// whose certificate another CA signed cannot join.
/// </summary>
public sealed class LiveTlsTests : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "impsim-live-tls-" + Guid.NewGuid().ToString("N"));
    private readonly List<LiveNodeHost> _hosts = [];

    [Fact]
    public void A_certificate_chains_to_its_run_ca_and_not_to_another()
    {
        var run = Path.Combine(_dir, "run");
        var other = Path.Combine(_dir, "other");
        LiveTls.Issue(run, ["imp-a-pub"], DateTime.UtcNow);
        LiveTls.Issue(other, ["imp-a-pub"], DateTime.UtcNow, "Some Other CA");
        using var leaf = X509CertificateLoader.LoadPkcs12FromFile(LiveTls.FilesFor(run, "imp-a-pub").PfxPath, LiveTls.PfxPassword);
        using var runCa = X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(run, "ca.pem")));
        using var otherCa = X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(other, "ca.pem")));
        Assert.True(leaf.HasPrivateKey);
        Assert.True(LiveTls.ChainsTo(leaf, runCa));
        Assert.False(LiveTls.ChainsTo(leaf, otherCa));
        Assert.False(LiveTls.ChainsTo(null, runCa));
    }

    [Fact]
    public async Task Members_with_run_ca_certificates_join_and_a_process_signed_by_another_ca_cannot()
    {
        var topology = TopologyLoader.LoadEmbedded("two-clusters");
        var run = Path.Combine(_dir, "run");
        var other = Path.Combine(_dir, "other");
        LiveTls.Issue(run, ["imp-a-pub", "imp-b-pub"], DateTime.UtcNow);
        LiveTls.Issue(other, ["cucm-pub"], DateTime.UtcNow, "Intruder CA");
        var time = new LiveTime(SimInstant.DefaultRunStart, DateTimeOffset.UtcNow, 60);
        var (portA, portB, portC) = (LiveTestKit.FreePort(), LiveTestKit.FreePort(), LiveTestKit.FreePort());
        var seed = LiveHocon.AddressOf("127.0.0.1", portA, tls: true);

        var a = await Start(topology, "imp-a-pub", portA, seed, LiveTls.FilesFor(run, "imp-a-pub"), time, TimeSpan.FromSeconds(60));
        var b = await Start(topology, "imp-b-pub", portB, seed, LiveTls.FilesFor(run, "imp-b-pub"), time, TimeSpan.FromSeconds(60));
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!a.Directory.Current.ContainsKey("imp-b-pub") && DateTime.UtcNow < deadline) await Task.Delay(20);
        Assert.True(a.Directory.Current.ContainsKey("imp-b-pub"));

        var refused = await Assert.ThrowsAsync<TimeoutException>(() =>
            Start(topology, "cucm-pub", portC, seed, LiveTls.FilesFor(other, "cucm-pub"), time, TimeSpan.FromSeconds(15)));
        Assert.Contains("not Up", refused.Message);
        Assert.False(a.Directory.Current.ContainsKey("cucm-pub"));
        Assert.Equal(2, a.Directory.Current.Count);
    }

    private async Task<LiveNodeHost> Start(Deployment topology, string node, int port, string seed, LiveTlsFiles tls, LiveTime time, TimeSpan upWithin)
    {
        var role = LiveSkeleton.RoleOf(topology, node);
        var spec = topology.Node(node);
        var settings = new LiveNodeSettings(node, spec.Cluster, role.IsPublisher,
            new LiveHostSettings("127.0.0.1", port, [seed], LiveNodeSettings.RolesOf(node, spec.Cluster, role.IsPublisher), tls),
            Path.Combine(_dir, "data"), time, 1);
        var host = await LiveNodeHost.StartAsync(settings, LiveSkeleton.Root(role), upWithin);
        _hosts.Add(host);
        return host;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => LiveTestKit.DisposeHosts(_hosts, _dir);
}
