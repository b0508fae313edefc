using ImpClusterSim.Domain.Intercluster;
using ImpClusterSim.Pki;
using static ImpClusterSim.Domain.Tests.Intercluster.IcsaPki;

namespace ImpClusterSim.Domain.Tests.Intercluster;

public sealed class InterclusterSyncAgentTests
{
    private const string APubFqdn = "imp-a-pub.example.com";
    private const string BPubFqdn = "imp-b-pub.example.com";

    private static InterclusterSyncAgent NewAgent() => InterclusterSyncAgent.Create("imp-a", APubFqdn);

    [Fact]
    public void Adding_a_peer_starts_a_sync_at_once()
    {
        var result = NewAgent().Apply(new AddPeer(TlsPeer(BPubFqdn)), Now);

        Assert.Equal([new StartSync(BPubFqdn, false)], result.Effects.ToArray());
        Assert.Equal(PeerStatusKind.Failed, result.Agent.StateOf(BPubFqdn)!.Status.Kind);
    }

    [Fact]
    public void Adding_the_same_peer_twice_is_refused_with_the_duplicate_alarm()
    {
        var agent = NewAgent().Apply(new AddPeer(TlsPeer(BPubFqdn)), Now).Agent;

        var result = agent.Apply(new AddPeer(TlsPeer(BPubFqdn.ToUpperInvariant())), Now);

        Assert.Same(agent, result.Agent);
        var alarm = Assert.IsType<RaiseAlarm>(Assert.Single(result.Effects));
        Assert.Equal("InterclusterSyncAgentPeerDuplicate", alarm.Alarm.Name);
    }

    [Fact]
    public void An_agent_restart_syncs_with_every_peer_and_notifies_each_peer()
    {
        var agent = NewAgent().Apply(new AddPeer(TlsPeer(BPubFqdn)), Now).Agent
            .Apply(new AddPeer(TlsPeer("imp-c-pub.example.com")), Now).Agent;

        var result = agent.Apply(new AgentStarted(), Now + TimeSpan.FromMinutes(3));

        Assert.Equal(
            [
                new StartSync(BPubFqdn, false), new StartSync("imp-c-pub.example.com", false),
                new NotifyPeerAgentRestarted(BPubFqdn), new NotifyPeerAgentRestarted("imp-c-pub.example.com"),
            ],
            result.Effects.ToArray());
    }

    [Fact]
    public void Force_Manual_Sync_passes_the_Tomcat_resync_choice_to_the_sync()
    {
        var agent = NewAgent().Apply(new AddPeer(TlsPeer(BPubFqdn)), Now).Agent;

        Assert.Equal([new StartSync(BPubFqdn, true)], agent.Apply(new ForceManualSync(BPubFqdn, true), Now).Effects.ToArray());
        Assert.Empty(agent.Apply(new ForceManualSync("nobody.example.com", true), Now).Effects);
    }

    [Fact]
    public void A_sync_timer_that_is_no_longer_due_is_ignored()
    {
        var world = new IcsaWorld().PeerBothWays();
        var state = world["imp-a"].Agent.StateOf(BPubFqdn)!;

        var early = world["imp-a"].Agent.Apply(new SyncDue(BPubFqdn), state.NextSyncDue - TimeSpan.FromSeconds(1));
        var due = world["imp-a"].Agent.Apply(new SyncDue(BPubFqdn), state.NextSyncDue);

        Assert.Empty(early.Effects);
        Assert.Equal([new StartSync(BPubFqdn, false)], due.Effects.ToArray());
    }

    [Fact]
    public void The_first_side_configured_is_Not_reachable_until_the_other_side_adds_it_and_the_retry_runs()
    {
        var world = new IcsaWorld();
        world.Apply("imp-a", new AddPeer(TlsPeer(BPubFqdn)));
        world.Apply("imp-b", new AddPeer(TlsPeer(APubFqdn)));
        var added = world.Now;

        var before = world["imp-a"].Agent.StateOf(BPubFqdn)!.Status;
        world.AdvanceTo(added + TimeSpan.FromMinutes(5));

        Assert.Equal(PeerStatusKind.NotReachable, before.Kind);
        Assert.Equal(PeerStatusKind.Secure, world["imp-b"].Agent.StateOf(APubFqdn)!.Status.Kind);
        Assert.Equal(PeerStatusKind.Secure, world["imp-a"].Agent.StateOf(BPubFqdn)!.Status.Kind);
    }

    [Fact]
    public void Two_clusters_peered_both_ways_with_TLS_both_show_Connection_is_secure()
    {
        var world = new IcsaWorld().PeerBothWays();

        Assert.Equal(PeerStatusKind.Secure, world["imp-a"].Agent.StateOf(BPubFqdn)!.Status.Kind);
        Assert.Equal(PeerStatusKind.Secure, world["imp-b"].Agent.StateOf(APubFqdn)!.Status.Kind);
        Assert.True(world["imp-a"].TomcatTrust.Contains(world["imp-b"].PresentedTomcat[0]));
        Assert.Equal(world.Now + TimeSpan.FromMinutes(30), world["imp-a"].Agent.StateOf(BPubFqdn)!.NextSyncDue);
    }

    [Fact]
    public void Restarting_the_agent_after_a_CA_upload_syncs_the_CA_to_the_other_cluster_immediately()
    {
        var world = new IcsaWorld().PeerBothWays();
        world.AdvanceTo(world.Now + TimeSpan.FromMinutes(10));
        var root = Root("B Root CA");
        world["imp-b"].TomcatTrust = world["imp-b"].TomcatTrust.Upload(root.Certificate).Store;

        world.Apply("imp-b", new AgentStarted());

        Assert.True(world["imp-a"].TomcatTrust.Contains(root.Certificate));
        Assert.Contains(world.Exchanges, e => e.Import.Certificate.Equals(root.Certificate) && e.ToCluster == "imp-a" && e.At == world.Now);
        Assert.Empty(SecureStatusInvariant.Check(world.Snapshots));
        Assert.NotEmpty(world.Snapshots);
    }

    [Fact]
    public void The_guides_CA_signed_Tomcat_procedure_keeps_the_other_cluster_secure_without_a_Tomcat_resync()
    {
        var world = new IcsaWorld().PeerBothWays();
        var root = Root("B Root CA");
        var b = world["imp-b"];

        b.TomcatTrust = b.TomcatTrust.Upload(root.Certificate).Store;   // upload the root to tomcat-trust on B's publisher
        world.Apply("imp-b", new AgentStarted());                       // restart the Cisco Intercluster Sync Agent
        b.PresentedTomcat = [CaSignedTomcat(root, BPubFqdn)];           // upload the signed leaf, restart Cisco Tomcat
        world.AdvanceTo(world.Now + TimeSpan.FromMinutes(31));

        var state = world["imp-a"].Agent.StateOf(BPubFqdn)!;
        Assert.Equal(PeerStatusKind.Secure, state.Status.Kind);
        Assert.Equal(b.PresentedTomcat[0], state.KnownTomcatCertificate);
        Assert.DoesNotContain(world.Effects, e => e is StartSync { ResyncTomcat: true });
        Assert.Empty(SecureStatusInvariant.Check(world.Snapshots));
    }

    [Fact]
    public void A_CA_signed_Tomcat_certificate_installed_before_its_CA_synced_puts_the_other_cluster_out_of_sync_until_the_resync()
    {
        var world = new IcsaWorld().PeerBothWays();
        var root = Root("B Root CA");
        world["imp-b"].PresentedTomcat = [CaSignedTomcat(root, BPubFqdn)];

        world.AdvanceTo(world.Now + TimeSpan.FromMinutes(31));
        var outOfSync = world["imp-a"].Agent.StateOf(BPubFqdn)!.Status;
        world.Apply("imp-a", new ForceManualSync(BPubFqdn, true));

        Assert.Equal(PeerStatusKind.OutOfSync, outOfSync.Kind);
        Assert.Equal(PeerStatusKind.Secure, world["imp-a"].Agent.StateOf(BPubFqdn)!.Status.Kind);
        Assert.Empty(SecureStatusInvariant.Check(world.Snapshots));
    }

    [Fact]
    public void Without_the_restart_an_uploaded_CA_waits_for_the_next_periodic_sync()
    {
        var world = new IcsaWorld().PeerBothWays();
        var start = world.Now;
        var root = Root("B Root CA");
        world.AdvanceTo(start + TimeSpan.FromMinutes(10));
        world["imp-b"].TomcatTrust = world["imp-b"].TomcatTrust.Upload(root.Certificate).Store;

        world.AdvanceTo(start + TimeSpan.FromMinutes(29));
        var before = world["imp-a"].TomcatTrust.Contains(root.Certificate);
        world.AdvanceTo(start + TimeSpan.FromMinutes(30));

        Assert.False(before);
        Assert.True(world["imp-a"].TomcatTrust.Contains(root.Certificate));
    }

    [Fact]
    public void Deleting_the_peer_on_one_side_only_makes_the_other_sides_syncs_Not_reachable()
    {
        var world = new IcsaWorld().PeerBothWays();

        world.Apply("imp-a", new DeletePeer(BPubFqdn));
        world.Apply("imp-b", new ForceManualSync(APubFqdn, false));

        Assert.Null(world["imp-a"].Agent.StateOf(BPubFqdn));
        Assert.Equal(PeerStatus.NotReachableText, world["imp-b"].Agent.StateOf(APubFqdn)!.Status.Text);
    }

    [Fact]
    public void A_sync_result_for_a_deleted_peer_is_ignored()
    {
        var agent = NewAgent().Apply(new AddPeer(TlsPeer(BPubFqdn)), Now).Agent.Apply(new DeletePeer(BPubFqdn), Now).Agent;

        var result = agent.Apply(new SyncCompleted(BPubFqdn, Answered(TomcatTrust(), SelfSignedTomcat(BPubFqdn))), Now);

        Assert.Empty(result.Effects);
        Assert.Same(agent, result.Agent);
    }

    [Fact]
    public void A_restart_notification_from_an_unconfigured_cluster_is_ignored()
    {
        var world = new IcsaWorld();

        var result = world.Apply("imp-a", new PeerAgentRestarted(world["imp-b"].Publisher));

        Assert.Empty(result.Effects);
    }

    [Fact]
    public void A_FIPS_cluster_and_a_non_FIPS_cluster_exchange_nothing_and_both_say_why()
    {
        var world = new IcsaWorld();
        world["imp-a"].Fips = true;

        world.PeerBothWays();

        Assert.Empty(world.Exchanges);
        Assert.Equal(PeerStatus.LocalFipsPeerNotText, world["imp-a"].Agent.StateOf(BPubFqdn)!.Status.Text);
        Assert.Equal(PeerStatus.PeerFipsLocalNotText, world["imp-b"].Agent.StateOf(APubFqdn)!.Status.Text);
        Assert.Empty(FipsExchangeInvariant.Check(world.Exchanges));
    }

    [Fact]
    public void Each_import_effect_records_the_exchange_with_both_FIPS_modes()
    {
        var world = new IcsaWorld().PeerBothWays();

        var exchange = Assert.Single(world.Exchanges, e => e.ToCluster == "imp-a");

        Assert.Equal(BPubFqdn, exchange.FromPeer);
        Assert.False(exchange.FromFips);
        Assert.False(exchange.ToFips);
        Assert.Equal(world["imp-b"].PresentedTomcat[0], exchange.Import.Certificate);
    }

    [Fact]
    public void After_a_partition_heals_both_panels_show_Connection_is_secure_within_the_convergence_bound()
    {
        var world = new IcsaWorld().PeerBothWays();
        var start = world.Now;
        world.Cut("imp-a", "imp-b");
        world.AdvanceTo(start + TimeSpan.FromHours(2));
        Assert.Equal(PeerStatusKind.NotReachable, world["imp-a"].Agent.StateOf(BPubFqdn)!.Status.Kind);
        world.Heal();
        var healedAt = world.Now;
        var panels = world.Sides.Keys.ToDictionary(k => k, _ => PeerStatusPanel.Empty(IcsaTimings.Default));
        var observations = new List<ConvergenceObservation>();

        world.AdvanceTo(healedAt + IcsaTimings.Default.ConvergenceBound, at =>
        {
            foreach (var (cluster, side) in world.Sides)
            {
                panels[cluster] = panels[cluster].At(side.Agent.States.Values, at);
                observations.AddRange(panels[cluster].Rows.Select(r => new ConvergenceObservation(at, cluster, r.PeerAddress, r.CertificateStatus.Kind)));
            }
        }, TimeSpan.FromSeconds(10));

        var expected = new[] { new ExpectedSecurePeer("imp-a", BPubFqdn), new ExpectedSecurePeer("imp-b", APubFqdn) };
        Assert.Empty(ConvergenceInvariant.Check(expected, observations, healedAt, IcsaTimings.Default));
    }
}
