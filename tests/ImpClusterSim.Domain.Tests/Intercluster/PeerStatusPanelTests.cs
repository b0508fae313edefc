using ImpClusterSim.Domain.Intercluster;
using ImpClusterSim.Pki;
using static ImpClusterSim.Domain.Tests.Intercluster.IcsaPki;

namespace ImpClusterSim.Domain.Tests.Intercluster;

public sealed class PeerStatusPanelTests
{
    private static readonly Certificate BTomcat = SelfSignedTomcat(BPub);

    [Fact]
    public void Right_after_a_Force_Manual_Sync_the_panel_still_shows_the_old_status_and_within_60_seconds_the_new_one()
    {
        var (known, trust) = (PeerSyncState.New(TlsPeer(), Now).Sync(Answered(TomcatTrust(), BTomcat), Now, Timings).State, TomcatTrust(BTomcat));
        var regenerated = SelfSignedTomcat(BPub, 1);
        var outOfSync = known.Sync(Answered(trust, regenerated), Now, Timings).State;
        var panel = PeerStatusPanel.Empty(Timings).Refresh([outOfSync], Now);

        var forcedAt = Now + TimeSpan.FromSeconds(5);
        var resynced = outOfSync.Sync(Answered(trust, regenerated) with { ResyncTomcat = true }, forcedAt, Timings).State;
        var rightAfter = panel.At([resynced], forcedAt);
        var justBefore = rightAfter.At([resynced], Now + TimeSpan.FromSeconds(59));
        var afterRefresh = justBefore.At([resynced], Now + TimeSpan.FromSeconds(60));

        Assert.Equal(PeerStatusKind.Secure, resynced.Status.Kind);
        Assert.Equal(PeerStatus.OutOfSyncText, rightAfter.RowFor(BPub)!.CertificateStatus.Text);
        Assert.Equal(PeerStatus.OutOfSyncText, justBefore.RowFor(BPub)!.CertificateStatus.Text);
        Assert.Equal("Connection is secure", afterRefresh.RowFor(BPub)!.CertificateStatus.Text);
        Assert.Equal(Now + TimeSpan.FromSeconds(60), afterRefresh.LastRefreshed);
    }

    [Fact]
    public void The_refresh_stays_on_the_panels_own_grid_when_looked_at_late()
    {
        var state = PeerSyncState.New(TlsPeer(), Now);
        var panel = PeerStatusPanel.Empty(Timings).Refresh([state], Now);

        var late = panel.At([state], Now + TimeSpan.FromSeconds(150));

        Assert.Equal(Now + TimeSpan.FromSeconds(120), late.LastRefreshed);
        Assert.Equal(Now + TimeSpan.FromSeconds(180), late.NextRefreshAt);
    }

    [Fact]
    public void A_page_opened_at_some_phase_refreshes_first_at_that_phase_then_every_interval()
    {
        var state = PeerSyncState.New(TlsPeer(), Now);
        var panel = PeerStatusPanel.Empty(Timings).Refresh([state], Now).RefreshingNextAt(Now + TimeSpan.FromSeconds(17));

        Assert.Same(panel, panel.At([state], Now + TimeSpan.FromSeconds(16)));
        Assert.Equal(Now + TimeSpan.FromSeconds(17), panel.At([state], Now + TimeSpan.FromSeconds(17)).LastRefreshed);
        var late = panel.At([state], Now + TimeSpan.FromSeconds(100));
        Assert.Equal(Now + TimeSpan.FromSeconds(77), late.LastRefreshed);
        Assert.Equal(Now + TimeSpan.FromSeconds(137), late.NextRefreshAt);
    }

    [Fact]
    public void A_row_shows_a_check_mark_per_passed_entry_the_associated_users_and_the_last_sync()
    {
        var state = PeerSyncState.New(TlsPeer(), Now).Sync(Answered(TomcatTrust(), BTomcat) with { AssociatedUsers = 1500 }, Now, Timings).State;

        var text = PeerStatusPanel.Empty(Timings).Refresh([state], Now).Render();

        Assert.Contains("\u2713 Peer Connectivity Test", text);
        Assert.Contains("\u2713 Certificate Status: Connection is secure", text);
        Assert.Contains("\u2713 Associated Users: 1500", text);
        Assert.Contains($"Last Synchronized Time: {Now}", text);
        Assert.DoesNotContain("\u2717", text);
    }

    [Fact]
    public void An_unreachable_peer_shows_the_error_mark_with_the_Not_reachable_text()
    {
        var state = PeerSyncState.New(TlsPeer(), Now)
            .Sync(Answered(TomcatTrust(), BTomcat) with { Reachability = PeerReachability.Timeout }, Now, Timings).State;

        var text = PeerStatusPanel.Empty(Timings).Refresh([state], Now).Render();

        Assert.Contains($"\u2717 Peer Connectivity Test: {PeerStatus.NotReachableText}", text);
        Assert.Contains("Last Synchronized Time: never", text);
    }
}
