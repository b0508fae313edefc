using ImpClusterSim.Domain.Fips;
using ImpClusterSim.Domain.Intercluster;
using ImpClusterSim.Domain.Services;
using ImpClusterSim.Node.Runtime;
using ImpClusterSim.Pki;
using static ImpClusterSim.Node.Tests.Platform.InterclusterFixture;

namespace ImpClusterSim.Node.Tests.Platform;

public sealed class FipsModeTests : IDisposable
{
    private static readonly string[] ClusterA = ["imp-a-pub", "imp-a-sub1", "imp-a-sub2"];
    private static readonly string[] ClusterB = ["imp-b-pub", "imp-b-sub1", "imp-b-sub2"];
    private readonly InterclusterFixture _f = new();
    private readonly List<(string From, string To)> _exchanges = [];

    public FipsModeTests() =>
        _f.Run.Trace.AddObserver(e =>
        {
            if (e.Event == "certificate-exchange")
                _exchanges.Add((e.Details.Single(d => d.Key == "from-fips").Value, e.Details.Single(d => d.Key == "to-fips").Value));
        });

    public void Dispose() => _f.Dispose();

    private FipsNodeState Fips(string node) => _f.Run.Operator.Request<FipsSnapshot>(node, r => new QueryFips(r))!.State;

    private void EnableFips(string node)
    {
        var warning = _f.Cli(node, "utils fips enable");
        Assert.EndsWith("Do you want to continue (yes/no)? ", warning);
        Assert.Contains("FIPS mode enabled successfully.", _f.Cli(node, "yes"));
    }

    private Certificate Tomcat(string node) =>
        _f.Run.Operator.Request<CertificatesSnapshot>(node, r => new QueryCertificates(r))!.Certificates.OwnCertificate(CertificateUnit.Tomcat)!.Certificate;

    [Fact]
    public void Enabling_fips_reboots_the_node_and_regenerates_its_certificates()
    {
        var before = Tomcat("imp-a-sub1");
        EnableFips("imp-a-sub1");
        Assert.Equal(NodeRunState.Rebooting, Fips("imp-a-sub1").Run);
        Assert.Contains("rebooting", _f.Cli("imp-a-sub1", "utils service list"));
        _f.Run.RunFor(TimeSpan.FromMinutes(25));
        var state = Fips("imp-a-sub1");
        Assert.Equal((FipsMode.Fips, NodeRunState.Running), (state.Mode, state.Run));
        Assert.NotEqual(before, Tomcat("imp-a-sub1"));
        Assert.Equal("FIPS mode is enabled.", _f.Cli("imp-a-sub1", "utils fips status"));
        var services = _f.Cli("imp-a-sub1", "utils service list");
        Assert.Contains("Cisco Tomcat[STARTED]", services);
        // A feature service waits for the Replication Watcher, which the shutdown before the reboot reset.
        Assert.Contains("Cisco SIP Proxy[STARTED]", services);
    }

    [Fact]
    public void Answering_no_leaves_the_mode_unchanged()
    {
        _f.Cli("imp-a-sub2", "utils fips enable");
        Assert.Contains("cancelled", _f.Cli("imp-a-sub2", "no"));
        Assert.Equal((FipsMode.NonFips, NodeRunState.Running), (Fips("imp-a-sub2").Mode, Fips("imp-a-sub2").Run));
    }

    [Fact]
    public void A_fips_cluster_and_a_non_fips_cluster_never_exchange_certificates_and_the_status_says_why()
    {
        _f.PeerBothWays();
        _exchanges.Clear();
        foreach (var node in ClusterB) EnableFips(node);
        _f.Run.RunFor(TimeSpan.FromHours(3));
        Assert.Equal(PeerStatusKind.FipsMismatch, _f.Agent(A, BAddress));
        Assert.Equal(PeerStatusKind.FipsMismatch, _f.Agent(B, AAddress));
        Assert.All(_exchanges, x => Assert.Equal(x.From, x.To));
        var report = _f.Run.Operator.Request<TroubleshooterReport>(A, r => new RunSystemTroubleshooter(r))!;
        Assert.Contains("10.30.2.10", report.Text);
    }

    [Fact]
    public void The_guide_forced_sync_procedure_brings_two_fips_clusters_back_to_secure()
    {
        _f.PeerBothWays();
        // Force Manual Sync, note the configuration, delete the peer on both sides.
        _f.Intercluster(A, new ForceManualSync(BAddress, false));
        _f.Intercluster(A, new DeletePeer(BAddress));
        _f.Intercluster(B, new DeletePeer(AAddress));
        // utils fips enable on every node (publishers first), each reboots.
        foreach (var node in ClusterA.Concat(ClusterB)) EnableFips(node);
        _f.Run.RunFor(TimeSpan.FromMinutes(30));
        Assert.All(ClusterA.Concat(ClusterB), n => Assert.Equal(NodeRunState.Running, Fips(n).Run));
        // Re-add the peers, wait, Force Manual Sync if not synced after 20 minutes.
        _f.Intercluster(A, new AddPeer(PeerEntry(BAddress)));
        _f.Intercluster(B, new AddPeer(PeerEntry(AAddress)));
        _f.Run.RunFor(TimeSpan.FromMinutes(20));
        if (_f.Agent(A, BAddress) != PeerStatusKind.Secure) _f.Intercluster(A, new ForceManualSync(BAddress, true));
        _f.Run.RunFor(TimeSpan.FromMinutes(2));
        Assert.Equal("Connection is secure", _f.Panel(A, BAddress));
        Assert.Equal("Connection is secure", _f.Panel(B, AAddress));
    }

    [Fact]
    public void A_transient_self_test_failure_halts_the_node_until_a_restart()
    {
        EnableFips("imp-b-sub2");
        _f.Run.RunFor(TimeSpan.FromMinutes(30));
        _f.Run["imp-b-sub2"].Tell(new FipsSelfTestFault(Persistent: false));
        _f.Run.Kernel.RunUntilQuiescent();
        _f.Run["imp-b-sub2"].Restart();
        Assert.Equal(NodeRunState.Halted, Fips("imp-b-sub2").Run);
        Assert.Equal(FipsNodeState.NotAvailableHalted, _f.Cli("imp-b-sub2", "utils service list"));
        _f.Run.RunFor(TimeSpan.FromHours(1));
        Assert.Equal(NodeRunState.Halted, Fips("imp-b-sub2").Run);

        _f.Run["imp-b-sub2"].Restart();
        _f.Run.RunFor(TimeSpan.FromMinutes(10));
        Assert.Equal(NodeRunState.Running, Fips("imp-b-sub2").Run);
    }

    [Fact]
    public void A_rebooting_or_halted_publisher_refuses_the_administration_pages_and_applies_nothing()
    {
        EnableFips(B);
        var whileRebooting = _f.Intercluster(B, new AddPeer(PeerEntry(AAddress)));
        Assert.False(whileRebooting.Accepted);
        Assert.Equal(FipsNodeState.NotAvailableRebooting, Assert.Single(whileRebooting.Messages));

        _f.Run.RunFor(TimeSpan.FromMinutes(30));
        _f.Run[B].Tell(new FipsSelfTestFault(Persistent: false));
        _f.Run.Kernel.RunUntilQuiescent();
        _f.Run[B].Restart();
        Assert.Equal(NodeRunState.Halted, Fips(B).Run);
        var whileHalted = _f.Intercluster(B, new AddPeer(PeerEntry(AAddress)));
        Assert.False(whileHalted.Accepted);
        Assert.Equal(FipsNodeState.NotAvailableHalted, Assert.Single(whileHalted.Messages));
        var upload = _f.Do(B, r => new CertificateOperation(new Domain.Certificates.RegenerateCertificate("tomcat"), r));
        Assert.False(upload.Accepted);

        // Restarted, the node boots and answers again; neither refused operation left a trace in its state.
        _f.Run[B].Restart();
        _f.Run.RunFor(TimeSpan.FromMinutes(30));
        Assert.Equal(NodeRunState.Running, Fips(B).Run);
        Assert.DoesNotContain(_f.Status(B).States, s => s.PeerAddress == AAddress);
        Assert.True(_f.Intercluster(B, new AddPeer(PeerEntry(AAddress))).Accepted);
    }

    [Fact]
    public void A_persistent_self_test_failure_survives_restarts_until_the_node_is_recovered()
    {
        EnableFips("imp-b-sub1");
        _f.Run.RunFor(TimeSpan.FromMinutes(30));
        _f.Run["imp-b-sub1"].Tell(new FipsSelfTestFault(Persistent: true));
        _f.Run.Kernel.RunUntilQuiescent();
        _f.Run["imp-b-sub1"].Restart();
        _f.Run["imp-b-sub1"].Restart();
        _f.Run.RunFor(TimeSpan.FromMinutes(30));
        Assert.Equal(NodeRunState.Halted, Fips("imp-b-sub1").Run);
        Assert.True(_f.Do("imp-b-sub1", r => new RecoverHaltedNode(r)).Accepted);
        _f.Run.RunFor(TimeSpan.FromMinutes(30));
        Assert.Equal(NodeRunState.Running, Fips("imp-b-sub1").Run);
        Assert.Contains("Cisco Tomcat[STARTED]", _f.Cli("imp-b-sub1", "utils service list"));
    }

    [Fact]
    public void A_cluster_with_nodes_in_different_modes_is_reported()
    {
        EnableFips("imp-a-sub2");
        _f.Run.RunFor(TimeSpan.FromMinutes(30));
        var report = _f.Run.Operator.Request<TroubleshooterReport>(A, r => new RunSystemTroubleshooter(r))!;
        Assert.Contains("mixed clusters are not allowed", report.Text);
    }
}
