using ImpClusterSim.Domain.Intercluster;
using ImpClusterSim.Pki;
using static ImpClusterSim.Domain.Tests.Intercluster.IcsaPki;

namespace ImpClusterSim.Domain.Tests.Intercluster;

public sealed class PeerSyncStateTests
{
    private static readonly Certificate BTomcat = SelfSignedTomcat(BPub);

    private static (PeerSyncState State, TrustStore Trust) Bootstrapped()
    {
        var outcome = PeerSyncState.New(TlsPeer(), Now).Sync(Answered(TomcatTrust(), BTomcat), Now, Timings);
        return (outcome.State, Apply(TomcatTrust(), outcome.Imports));
    }

    [Fact]
    public void A_new_peer_shows_Failed_until_its_first_sync()
    {
        var state = PeerSyncState.New(TlsPeer(), Now);

        Assert.Equal(PeerStatus.FailedText, state.Status.Text);
        Assert.Equal(Now, state.NextSyncDue);
        Assert.True(state.NeedsBootstrap);
    }

    [Fact]
    public void A_new_peer_bootstraps_by_taking_the_peers_Tomcat_certificate_and_becomes_secure()
    {
        var outcome = PeerSyncState.New(TlsPeer(), Now).Sync(Answered(TomcatTrust(), BTomcat), Now, Timings);

        Assert.Equal("Connection is secure", outcome.Status.Text);
        Assert.Equal([new CertificateImport("tomcat-trust", BTomcat)], outcome.Imports.ToArray());
        Assert.Equal(Now + TimeSpan.FromMinutes(30), outcome.NextSyncDue);
        Assert.Equal(Now, outcome.State.LastSynchronized);
        Assert.Equal(BTomcat, outcome.State.KnownTomcatCertificate);
        Assert.All(outcome.State.Results, r => Assert.True(r.Passed));
    }

    [Fact]
    public void A_known_peer_whose_certificate_is_not_in_tomcat_trust_is_not_taken_without_the_resync()
    {
        var (state, _) = Bootstrapped();

        var outcome = state.Sync(Answered(TomcatTrust(), BTomcat), Now, Timings);

        Assert.NotEqual(PeerStatusKind.Secure, outcome.Status.Kind);
        Assert.Empty(outcome.Imports);
    }

    [Fact]
    public void CA_certificates_on_the_peers_cluster_are_imported_on_the_next_sync()
    {
        var (state, trust) = Bootstrapped();
        var root = Root("B Root CA");
        var intermediate = root.CreateIntermediate("B Issuing CA", KeyPool.Shared.Get($"{Seed}/b-issuing", KeyAlgorithm.EcP256), Installed);
        var otherNodesLeaf = SelfSignedTomcat("imp-b-sub1.example.com");
        var attempt = Answered(trust, BTomcat) with
        {
            PeerTomcatTrust = [intermediate.Certificate, otherNodesLeaf, root.Certificate],
            PeerCupXmppTrust = [root.Certificate],
        };
        var later = Now + Timings.PeriodicInterval;

        var outcome = state.Sync(attempt, later, Timings);

        Assert.Equal(PeerStatusKind.Secure, outcome.Status.Kind);
        Assert.Equal(
            [
                new CertificateImport("tomcat-trust", root.Certificate),
                new CertificateImport("tomcat-trust", intermediate.Certificate),
                new CertificateImport("cup-xmpp-trust", root.Certificate),
            ],
            outcome.Imports.ToArray());
    }

    [Fact]
    public void Cup_xmpp_certificates_are_pulled_only_with_router_to_router_secure_mode()
    {
        var (state, trust) = Bootstrapped();
        var xmpp = SelfSignedCupXmpp(BPub);
        var attempt = Answered(trust, BTomcat) with { PeerCupXmppCertificates = [xmpp] };

        var off = state.Sync(attempt, Now, Timings);
        var on = state.Sync(attempt with { RouterToRouterSecure = true }, Now, Timings);

        Assert.Empty(off.Imports);
        Assert.Equal([new CertificateImport("cup-xmpp-trust", xmpp)], on.Imports.ToArray());
    }

    [Fact]
    public void A_peer_whose_Tomcat_certificate_was_regenerated_goes_out_of_sync_until_Force_Manual_Sync_with_the_Tomcat_resync()
    {
        var (state, trust) = Bootstrapped();
        var regenerated = SelfSignedTomcat(BPub, generation: 1);

        var periodic = state.Sync(Answered(trust, regenerated), Now, Timings);
        var plainForce = periodic.State.Sync(Answered(trust, regenerated), Now + TimeSpan.FromMinutes(1), Timings);
        var resync = plainForce.State.Sync(Answered(trust, regenerated) with { ResyncTomcat = true }, Now + TimeSpan.FromMinutes(2), Timings);

        Assert.Equal(PeerStatus.OutOfSyncText, periodic.Status.Text);
        Assert.Equal(Now + TimeSpan.FromMinutes(5), periodic.NextSyncDue);
        Assert.Equal(IcsaAlarm.CertificateFingerPrintMismatch, Assert.Single(periodic.Alarms).Name);
        Assert.Equal(PeerStatusKind.OutOfSync, plainForce.Status.Kind);
        Assert.Equal(PeerStatusKind.Secure, resync.Status.Kind);
        Assert.Equal([new CertificateImport("tomcat-trust", regenerated)], resync.Imports.ToArray());
        Assert.False(Apply(trust, resync.Imports).Contains(BTomcat)); // the same-name older certificate is replaced
    }

    [Fact]
    public void A_CA_signed_replacement_becomes_valid_again_once_the_CA_reaches_local_tomcat_trust()
    {
        var (state, trust) = Bootstrapped();
        var root = Root("B Root CA");
        var signed = CaSignedTomcat(root, BPub);

        var before = state.Sync(Answered(trust, signed), Now, Timings);
        var withCa = trust.Upload(root.Certificate).Store;
        var after = before.State.Sync(Answered(withCa, signed), Now + Timings.RetryAfterFailure, Timings);

        Assert.Equal(PeerStatusKind.OutOfSync, before.Status.Kind);
        Assert.Equal(PeerStatusKind.Secure, after.Status.Kind);
        Assert.Equal(signed, after.State.KnownTomcatCertificate);
        Assert.Empty(after.Imports);
    }

    [Theory]
    [InlineData(PeerReachability.Timeout)]
    [InlineData(PeerReachability.TomcatOrAxlNotStarted)]
    [InlineData(PeerReachability.WrongCredentials)]
    [InlineData(PeerReachability.NotConfiguredOnPeer)]
    public void An_unreachable_peer_shows_Not_reachable_and_is_retried_in_5_minutes(PeerReachability reachability)
    {
        var (state, trust) = Bootstrapped();
        var attempt = Answered(trust, BTomcat) with { Reachability = reachability };

        var outcome = state.Sync(attempt, Now + TimeSpan.FromHours(1), Timings);

        Assert.Equal("Not reachable (Check peer address is valid, AXL is running on peer and AXL username/password credentials are valid)",
            outcome.Status.Text);
        Assert.Equal(Now + TimeSpan.FromHours(1) + TimeSpan.FromMinutes(5), outcome.NextSyncDue);
        Assert.Equal(Now, outcome.State.LastSynchronized);
        Assert.Equal(IcsaAlarm.AxlConnectionFailed, Assert.Single(outcome.Alarms).Name);
        Assert.False(Assert.Single(outcome.State.Results).Passed);
    }

    [Theory]
    [InlineData(true, false, "Certificates not exchanged: this cluster is in FIPS mode and the peer is not")]
    [InlineData(false, true, "Certificates not exchanged: the peer is in FIPS mode and this cluster is not")]
    public void A_FIPS_and_non_FIPS_pair_never_exchanges_certificates_and_says_why(bool localFips, bool peerFips, string text)
    {
        var root = Root("B Root CA");
        var attempt = Answered(TomcatTrust(), BTomcat) with
        {
            LocalFips = localFips,
            PeerFips = peerFips,
            ResyncTomcat = true,
            PeerTomcatTrust = [root.Certificate],
        };

        var outcome = PeerSyncState.New(TlsPeer(), Now).Sync(attempt, Now, Timings);

        Assert.Equal(text, outcome.Status.Text);
        Assert.Equal(PeerStatusKind.FipsMismatch, outcome.Status.Kind);
        Assert.Empty(outcome.Imports);
        Assert.Equal(Now + Timings.RetryAfterFailure, outcome.NextSyncDue);
    }

    [Fact]
    public void Two_FIPS_clusters_exchange_certificates()
    {
        var attempt = Answered(TomcatTrust(), BTomcat) with { LocalFips = true, PeerFips = true };

        var outcome = PeerSyncState.New(TlsPeer(), Now).Sync(attempt, Now, Timings);

        Assert.Equal(PeerStatusKind.Secure, outcome.Status.Kind);
        Assert.Single(outcome.Imports);
    }

    [Fact]
    public void An_expired_peer_certificate_gives_a_status_that_says_it_expired()
    {
        var (state, trust) = Bootstrapped();
        var sixYearsOn = SimInstant(Installed.AddYears(6));

        var outcome = state.Sync(Answered(trust, BTomcat), sixYearsOn, Timings);

        Assert.Equal(PeerStatusKind.ValidationFailed, outcome.Status.Kind);
        Assert.StartsWith(PeerStatus.ValidationFailedPrefix, outcome.Status.Text);
        Assert.Contains("expired", outcome.Status.Text);
        Assert.Equal(IcsaAlarm.CertificateValidationFailure, Assert.Single(outcome.Alarms).Name);
    }

    [Fact]
    public void A_peer_certificate_for_another_host_name_gives_a_status_naming_the_name()
    {
        var wrongName = SelfSignedTomcat("imp-c-pub.example.com");
        var attempt = Answered(TomcatTrust(), wrongName) with { HostName = BPub };

        var outcome = PeerSyncState.New(TlsPeer(), Now).Sync(attempt, Now, Timings);

        Assert.Equal(PeerStatusKind.ValidationFailed, outcome.Status.Kind);
        Assert.Contains(BPub, outcome.Status.Text);
    }

    [Fact]
    public void A_SHA1_signed_peer_certificate_fails_on_a_FIPS_node_and_the_status_names_SHA1()
    {
        var root = Root("B Root CA");
        var sha1 = CaSignedTomcat(root, BPub, fault: CertificateFault.Sha1Signature);
        var attempt = Answered(TomcatTrust(root.Certificate), sha1) with { LocalFips = true, PeerFips = true };

        var outcome = PeerSyncState.New(TlsPeer(), Now).Sync(attempt, Now, Timings);

        Assert.Equal(PeerStatusKind.ValidationFailed, outcome.Status.Kind);
        Assert.Contains("SHA-1", outcome.Status.Text);
        Assert.Empty(outcome.Imports);
        Assert.Contains(outcome.State.NotImported, n => n.Certificate.Equals(sha1));
    }

    [Fact]
    public void A_TCP_peer_syncs_without_exchanging_certificates()
    {
        var tcp = new InterclusterPeer(BPub, "axluser", "axlpass");
        var attempt = Answered(TomcatTrust(), BTomcat) with { AssociatedUsers = 1200, PeerTomcatTrust = [Root("B Root CA").Certificate] };

        var outcome = PeerSyncState.New(tcp, Now).Sync(attempt, Now, Timings);

        Assert.Equal(PeerStatusKind.TcpConnected, outcome.Status.Kind);
        Assert.Empty(outcome.Imports);
        Assert.Equal(1200, outcome.State.AssociatedUsers);
        Assert.Equal(Now + Timings.PeriodicInterval, outcome.NextSyncDue);
    }

    [Fact]
    public void A_peer_shows_Failed_while_the_local_Sync_Agent_has_not_finished()
    {
        var attempt = Answered(TomcatTrust(), BTomcat) with { LocalUserSyncComplete = false };

        var outcome = PeerSyncState.New(TlsPeer(), Now).Sync(attempt, Now, Timings);

        Assert.Equal("Failed", outcome.Status.Text);
        Assert.Empty(outcome.Imports);
    }

    [Fact]
    public void Associated_users_and_last_sync_time_are_kept_from_the_last_success()
    {
        var (state, trust) = Bootstrapped();
        var synced = state.Sync(Answered(trust, BTomcat) with { AssociatedUsers = 42 }, Now + TimeSpan.FromMinutes(30), Timings);
        var failed = synced.State.Sync(Answered(trust, BTomcat) with { Reachability = PeerReachability.Timeout }, Now + TimeSpan.FromMinutes(60), Timings);

        Assert.Equal(42, failed.State.AssociatedUsers);
        Assert.Equal(Now + TimeSpan.FromMinutes(30), failed.State.LastSynchronized);
        Assert.Equal(Now + TimeSpan.FromMinutes(60), failed.State.LastAttempt);
    }

    [Fact]
    public void No_outcome_says_secure_unless_the_presented_chain_validates_at_the_local_clock()
    {
        var root = Root("B Root CA");
        var cases = new[]
        {
            Answered(TomcatTrust(), BTomcat),
            Answered(TomcatTrust(), CaSignedTomcat(root, BPub)),
            Answered(TomcatTrust(root.Certificate), CaSignedTomcat(root, BPub, fault: CertificateFault.Expired)),
            Answered(TomcatTrust(), SelfSignedTomcat(BPub, 1)) with { HostName = "imp-x.example.com" },
        };
        var (known, _) = Bootstrapped();

        foreach (var attempt in cases)
        {
            foreach (var state in new[] { PeerSyncState.New(TlsPeer(), Now), known })
            {
                var outcome = state.Sync(attempt, Now, Timings);
                var trustAfter = Apply(attempt.LocalTomcatTrust, outcome.Imports.ToArray());
                var snapshot = SecureStatusSnapshot.Of("imp-a", outcome.State, trustAfter, Now, false, attempt.HostName);
                Assert.Empty(SecureStatusInvariant.Check([snapshot]));
            }
        }
    }

    private static Time.SimInstant SimInstant(DateTime utc) => Time.SimInstant.FromDateTime(utc);
}
