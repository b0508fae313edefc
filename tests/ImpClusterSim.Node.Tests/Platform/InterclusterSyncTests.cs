using ImpClusterSim.Domain.Certificates;
using ImpClusterSim.Domain.Intercluster;
using ImpClusterSim.Domain.Services;
using ImpClusterSim.Node.Runtime;
using static ImpClusterSim.Node.Tests.Platform.InterclusterFixture;

namespace ImpClusterSim.Node.Tests.Platform;

public sealed class InterclusterSyncTests : IDisposable
{
    private readonly InterclusterFixture _f = new();
    private readonly TestCas _cas = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public void Peers_configured_on_both_publishers_exchange_tomcat_certificates_and_become_secure()
    {
        _f.PeerBothWays();
        Assert.Equal(PeerStatusKind.Secure, _f.Agent(A, BAddress));
        Assert.Equal(PeerStatusKind.Secure, _f.Agent(B, AAddress));
        _f.Run.RunFor(TimeSpan.FromSeconds(60));
        Assert.Equal("Connection is secure", _f.Panel(A, BAddress));
        // Each side took the other's Tomcat certificate into tomcat-trust, and replication spread it in the cluster.
        Assert.True(_f.Trusts(A, TrustStoreNames.TomcatTrust, "imp-b-pub.example.com"));
        _f.Run.RunFor(TimeSpan.FromMinutes(2));
        Assert.True(_f.Trusts("imp-a-sub2", TrustStoreNames.TomcatTrust, "imp-b-pub.example.com"));
    }

    [Fact]
    public void The_panel_keeps_its_60_second_grid_without_a_timer_and_the_agents_states_do_not_move_with_it()
    {
        _f.PeerBothWays();
        _f.Run.RunFor(TimeSpan.FromMinutes(10)); // the first syncs are done; the next periodic sync is half an hour away
        var views = _f.Run[A].Context!.Views;
        var states = views.PeerStates;
        var first = _f.Status(A);
        var refreshed = first.Panel.LastRefreshed!.Value;

        _f.Run.RunFor(TimeSpan.FromSeconds(150)); // nobody looks for two and a half refresh intervals
        var late = _f.Status(A);

        var sinceFirst = late.Panel.LastRefreshed!.Value - refreshed;
        Assert.True(sinceFirst.Ticks % TimeSpan.FromSeconds(60).Ticks == 0 && sinceFirst >= TimeSpan.FromSeconds(120),
            $"refreshed {sinceFirst} after the first look: not on the panel's 60-second grid");
        Assert.True(_f.Run.Now - late.Panel.LastRefreshed!.Value < TimeSpan.FromSeconds(60));
        Assert.Equal("Connection is secure", late.Panel.RowFor(BAddress)!.CertificateStatus.Text);
        Assert.Equal(states, views.PeerStates);
        Assert.Equal(first.States, _f.Run.Operator.Request<PeerStatesSnapshot>(A, r => new QueryPeerStates(r))!.States);
    }

    [Fact]
    public void Ca_certificates_reach_the_peer_cluster_at_once_after_an_icsa_restart_and_only_at_the_next_periodic_sync_without_it()
    {
        _f.PeerBothWays();
        Assert.True(_f.Do(A, r => new CertificateOperation(new UploadTrustCertificate("tomcat-trust", _cas.Root.Certificate.ToPem(), "root"), r)).Accepted);
        _f.Run.RunFor(TimeSpan.FromMinutes(2));
        Assert.False(_f.Trusts(B, TrustStoreNames.TomcatTrust, "Test Root CA"));

        _f.Restart(A, ServiceNames.CiscoInterclusterSyncAgent, TimeSpan.FromMinutes(1));
        Assert.True(_f.Trusts(B, TrustStoreNames.TomcatTrust, "Test Root CA"));
    }

    [Fact]
    public void Without_the_restart_the_ca_waits_for_the_periodic_sync()
    {
        _f.PeerBothWays();
        _f.Do(A, r => new CertificateOperation(new UploadTrustCertificate("cup-xmpp-trust", _cas.Root.Certificate.ToPem(), "root"), r));
        _f.Run.RunFor(TimeSpan.FromMinutes(10));
        Assert.False(_f.Trusts(B, TrustStoreNames.CupXmppTrust, "Test Root CA"));
        _f.Run.RunFor(IcsaTimings.Default.PeriodicInterval);
        Assert.True(_f.Trusts(B, TrustStoreNames.CupXmppTrust, "Test Root CA"));
    }

    [Fact]
    public void A_peer_whose_tomcat_was_regenerated_goes_out_of_sync_until_force_manual_sync_with_the_tomcat_resync()
    {
        _f.PeerBothWays();
        _f.Cli(B, "set cert regen tomcat");
        _f.Cli(B, "yes");
        _f.Restart(B, ServiceNames.CiscoTomcat, TimeSpan.FromMinutes(6));
        _f.Intercluster(A, new ForceManualSync(BAddress, ResyncTomcat: false));
        _f.Run.RunFor(TimeSpan.FromSeconds(5));
        Assert.Equal(PeerStatusKind.OutOfSync, _f.Agent(A, BAddress));
        _f.Run.RunFor(TimeSpan.FromHours(2));
        Assert.Equal(PeerStatusKind.OutOfSync, _f.Agent(A, BAddress));

        _f.Intercluster(A, new ForceManualSync(BAddress, ResyncTomcat: true));
        _f.Run.RunFor(TimeSpan.FromSeconds(5));
        Assert.Equal(PeerStatusKind.Secure, _f.Agent(A, BAddress));
    }

    [Fact]
    public void A_partition_makes_the_peer_not_reachable_and_healing_brings_it_back_within_the_bound()
    {
        _f.PeerBothWays();
        var a = _f.Run.Nodes.Where(n => n.Cluster == "imp-a").Select(n => n.Name).ToArray();
        var b = _f.Run.Nodes.Where(n => n.Cluster == "imp-b").Select(n => n.Name).ToArray();
        _f.Run.Network.StartPartition("ab", a, b);
        _f.Run.RunFor(TimeSpan.FromMinutes(40));
        Assert.Equal(PeerStatusKind.NotReachable, _f.Agent(A, BAddress));
        Assert.StartsWith("Not reachable (Check peer address is valid", _f.Panel(A, BAddress));

        _f.Run.Network.Heal("ab");
        _f.Run.RunFor(IcsaTimings.Default.ConvergenceBound);
        Assert.Equal("Connection is secure", _f.Panel(A, BAddress));
        Assert.Equal("Connection is secure", _f.Panel(B, AAddress));
    }

    [Fact]
    public void The_panel_shows_the_old_status_until_its_60_second_refresh()
    {
        _f.PeerBothWays();
        _f.Run.RunFor(TimeSpan.FromMinutes(2));
        _ = _f.Panel(A, BAddress);
        _f.Cli(B, "set cert regen tomcat");
        _f.Cli(B, "yes");
        _f.Restart(B, ServiceNames.CiscoTomcat, TimeSpan.FromMinutes(6));
        var shownBefore = _f.Panel(A, BAddress);
        _f.Intercluster(A, new ForceManualSync(BAddress, ResyncTomcat: false));
        var forcedAt = _f.Run.Now;
        _f.Run.RunFor(TimeSpan.FromSeconds(1));
        Assert.Equal(PeerStatusKind.OutOfSync, _f.Agent(A, BAddress));
        var panel = _f.Status(A).Panel;
        var nextRefresh = panel.NextRefreshAt!.Value;
        Assert.True(nextRefresh - forcedAt <= TimeSpan.FromSeconds(60));
        if (nextRefresh > _f.Run.Now) Assert.Equal(shownBefore, _f.Panel(A, BAddress));
        _f.Run.RunUntil(nextRefresh);
        Assert.NotEqual("Connection is secure", _f.Panel(A, BAddress));
    }

    [Fact]
    public void The_troubleshooter_names_the_failing_peer_ip_address()
    {
        Assert.True(_f.Intercluster(A, new AddPeer(PeerEntry(BAddress))).Accepted);
        _f.Run.RunFor(TimeSpan.FromMinutes(1));
        var report = _f.Run.Operator.Request<TroubleshooterReport>(A, r => new RunSystemTroubleshooter(r))!;
        Assert.Contains("10.30.2.10", report.Text);
        Assert.Contains(InterclusterTroubleshooter.CertificateExchangeTest, report.Text);
        _f.Intercluster(B, new AddPeer(PeerEntry(AAddress)));
        _f.Run.RunFor(TimeSpan.FromMinutes(6));
        report = _f.Run.Operator.Request<TroubleshooterReport>(A, r => new RunSystemTroubleshooter(r))!;
        Assert.DoesNotContain("10.30.2.10", report.Text.Split('\n').Where(l => l.Contains('\u2717')));
    }

    [Fact]
    public void A_skewed_publisher_traces_and_refreshes_its_panel_on_run_time()
    {
        _f.PeerBothWays();
        var times = new List<Domain.Time.SimInstant>();
        _f.Run.Trace.AddObserver(e => { if (e.Node == A) times.Add(e.Time); });
        _f.Run.SetSkew(A, TimeSpan.FromHours(-3));
        _f.Cli(B, "set cert regen tomcat");
        _f.Cli(B, "yes");
        _f.Restart(B, ServiceNames.CiscoTomcat, TimeSpan.FromMinutes(6));
        _f.Intercluster(A, new ForceManualSync(BAddress, ResyncTomcat: false));
        var forced = _f.Run.Now;
        _f.Run.RunFor(TimeSpan.FromSeconds(61));
        Assert.NotEmpty(times);
        Assert.All(times, t => Assert.True(t >= forced - TimeSpan.FromMinutes(7) && t <= _f.Run.Now, t.ToString()));
        Assert.NotEqual("Connection is secure", _f.Panel(A, BAddress));
    }

    [Fact]
    public void Deleting_a_peer_on_one_side_leaves_the_other_side_configured_and_refused()
    {
        _f.PeerBothWays();
        Assert.True(_f.Intercluster(A, new DeletePeer(BAddress)).Accepted);
        _f.Intercluster(B, new ForceManualSync(AAddress, ResyncTomcat: false));
        _f.Run.RunFor(TimeSpan.FromSeconds(5));
        // B still has its entry for A, and A, which no longer has one for B, refuses B's sync.
        Assert.Equal(PeerStatusKind.NotReachable, _f.Agent(B, AAddress));
        Assert.DoesNotContain(_f.Status(A).States, s => s.PeerAddress == BAddress);
    }

    [Fact]
    public void Peers_are_configured_on_the_publisher_only()
    {
        Assert.False(_f.Intercluster("imp-a-sub1", new AddPeer(PeerEntry(BAddress))).Accepted);
    }
}

public sealed class RouterToRouterSecureModeTests : IDisposable
{
    private readonly InterclusterFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public void Xmpp_certificates_replicate_within_and_across_clusters_as_xmpp_trust()
    {
        _f.PeerBothWays();
        foreach (var publisher in new[] { A, B })
            Assert.True(_f.Do(publisher, r => new SettingsOperation(
                new Domain.Settings.SetSecuritySetting(Domain.Settings.SecuritySetting.XmppRouterToRouterSecureMode, "on"), r)).Accepted);
        _f.Run.RunFor(TimeSpan.FromMinutes(2));
        foreach (var node in _f.Run.Nodes.Where(n => n.Cluster.StartsWith("imp-", StringComparison.Ordinal)))
            _f.Cli(node.Name, "utils service restart Cisco XCP Router");
        _f.Run.RunFor(TimeSpan.FromMinutes(10));
        // Within the cluster: every node of A trusts every node of A's XMPP certificate.
        Assert.True(_f.Trusts("imp-a-sub1", TrustStoreNames.CupXmppTrust, "imp-a-sub2.example.com"));
        Assert.True(_f.Trusts("imp-a-pub", TrustStoreNames.CupXmppTrust, "imp-a-sub1.example.com"));
        // Across clusters, with the next sync.
        _f.Restart(A, ServiceNames.CiscoInterclusterSyncAgent, TimeSpan.FromMinutes(3));
        Assert.True(_f.Trusts(B, TrustStoreNames.CupXmppTrust, "imp-a-sub2.example.com"));
        Assert.True(_f.Trusts("imp-b-sub1", TrustStoreNames.CupXmppTrust, "imp-a-pub.example.com"));
        Assert.False(_f.Trusts(B, TrustStoreNames.TomcatTrust, "imp-a-sub2.example.com"));
    }
}
