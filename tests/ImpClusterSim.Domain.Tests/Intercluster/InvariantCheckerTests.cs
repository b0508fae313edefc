using ImpClusterSim.Domain.Intercluster;
using ImpClusterSim.Pki;
using static ImpClusterSim.Domain.Tests.Intercluster.IcsaPki;

namespace ImpClusterSim.Domain.Tests.Intercluster;

public sealed class InvariantCheckerTests
{
    private static readonly Certificate BTomcat = SelfSignedTomcat(BPub);

    [Fact]
    public void The_secure_status_checker_detects_a_secure_status_whose_chain_does_not_validate()
    {
        var bogus = new SecureStatusSnapshot("imp-a", BPub, PeerStatus.Secure, [BTomcat], TomcatTrust(), Now, false);

        var violation = Assert.Single(SecureStatusInvariant.Check([bogus]));

        Assert.Equal(SecureStatusInvariant.Name, violation.Invariant);
        Assert.Contains(BPub, violation.Detail);
    }

    [Fact]
    public void The_secure_status_checker_detects_a_secure_status_after_the_certificate_expired_at_the_nodes_clock()
    {
        var late = Time.SimInstant.FromDateTime(Installed.AddYears(6));
        var stale = new SecureStatusSnapshot("imp-a", BPub, PeerStatus.Secure, [BTomcat], TomcatTrust(BTomcat), late, false);

        Assert.Single(SecureStatusInvariant.Check([stale]));
    }

    [Fact]
    public void The_secure_status_checker_passes_a_clean_history()
    {
        var clean = new[]
        {
            new SecureStatusSnapshot("imp-a", BPub, PeerStatus.Secure, [BTomcat], TomcatTrust(BTomcat), Now, false, BPub),
            new SecureStatusSnapshot("imp-a", BPub, PeerStatus.OutOfSync, [SelfSignedTomcat(BPub, 1)], TomcatTrust(BTomcat), Now, false),
            new SecureStatusSnapshot("imp-a", BPub, PeerStatus.NotReachable, [], TomcatTrust(), Now, false),
        };

        Assert.Empty(SecureStatusInvariant.Check(clean));
    }

    [Fact]
    public void The_FIPS_exchange_checker_detects_an_exchange_between_a_FIPS_and_a_non_FIPS_side()
    {
        var import = new CertificateImport("tomcat-trust", BTomcat);
        var log = new[]
        {
            new CertificateExchange(Now, BPub, false, "imp-a", false, import),
            new CertificateExchange(Now + TimeSpan.FromMinutes(1), BPub, true, "imp-a", false, import),
        };

        var violation = Assert.Single(FipsExchangeInvariant.Check(log));

        Assert.Equal(Now + TimeSpan.FromMinutes(1), violation.At);
        Assert.Empty(FipsExchangeInvariant.Check(log.Take(1)));
    }

    [Fact]
    public void The_convergence_bound_is_the_periodic_interval_plus_the_retry_plus_the_panel_refresh()
    {
        Assert.Equal(TimeSpan.FromMinutes(36), IcsaTimings.Default.ConvergenceBound);
        Assert.Equal(TimeSpan.FromMinutes(13), new IcsaTimings(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(1)).ConvergenceBound);
    }

    [Fact]
    public void The_convergence_checker_detects_a_pair_that_is_secure_only_after_the_bound()
    {
        var healed = Now;
        var expected = new[] { new ExpectedSecurePeer("imp-a", BPub) };
        var observations = new[]
        {
            new ConvergenceObservation(healed + TimeSpan.FromMinutes(10), "imp-a", BPub, PeerStatusKind.NotReachable),
            new ConvergenceObservation(healed + TimeSpan.FromMinutes(37), "imp-a", BPub, PeerStatusKind.Secure),
        };

        var violation = Assert.Single(ConvergenceInvariant.Check(expected, observations, healed, IcsaTimings.Default));

        Assert.Contains("36m", violation.Detail);
    }

    [Fact]
    public void The_convergence_checker_detects_a_pair_that_never_converges_or_falls_back()
    {
        var healed = Now;
        var expected = new[] { new ExpectedSecurePeer("imp-a", BPub), new ExpectedSecurePeer("imp-b", APub) };
        var observations = new[]
        {
            new ConvergenceObservation(healed + TimeSpan.FromMinutes(5), "imp-a", BPub, PeerStatusKind.Secure),
            new ConvergenceObservation(healed + TimeSpan.FromMinutes(40), "imp-a", BPub, PeerStatusKind.OutOfSync),
            new ConvergenceObservation(healed + TimeSpan.FromMinutes(5), "imp-b", APub, PeerStatusKind.NotReachable),
        };

        var violations = ConvergenceInvariant.Check(expected, observations, healed, IcsaTimings.Default);

        Assert.Equal(2, violations.Count);
    }

    [Fact]
    public void The_convergence_checker_passes_a_clean_history()
    {
        var healed = Now;
        var observations = new[]
        {
            new ConvergenceObservation(healed - TimeSpan.FromMinutes(5), "imp-a", BPub, PeerStatusKind.Secure),
            new ConvergenceObservation(healed + TimeSpan.FromMinutes(1), "imp-a", BPub, PeerStatusKind.NotReachable),
            new ConvergenceObservation(healed + TimeSpan.FromMinutes(36), "imp-a", BPub, PeerStatusKind.Secure),
        };

        Assert.Empty(ConvergenceInvariant.Check([new ExpectedSecurePeer("imp-a", BPub)], observations, healed, IcsaTimings.Default));
    }
}
