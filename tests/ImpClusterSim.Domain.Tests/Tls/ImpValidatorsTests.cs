using ImpClusterSim.Domain.Intercluster;
using ImpClusterSim.Domain.Time;
using ImpClusterSim.Domain.Tls;
using ImpClusterSim.Pki;
using static ImpClusterSim.Domain.Tests.Intercluster.IcsaPki;

namespace ImpClusterSim.Domain.Tests.Tls;

/// <summary>
/// Each connection validates as the stack that carries it (docs/pki.md, "Trust anchors"): Java PKIX for the
/// Intercluster Sync Agent, OpenSSL for the SIP and XMPP stacks. They differ on an expired root in the trust store.
/// </summary>
public sealed class ImpValidatorsTests
{
    // A one-year root that signs a three-year leaf: a year and a day later the root has expired, the leaf has not.
    private static readonly CertificateAuthority ShortRoot = CertificateAuthority.CreateRoot(Seed, "Short Root CA",
        KeyPool.Shared.Get($"{Seed}/short-root", KeyAlgorithm.EcP256), Installed.AddDays(-10), validityYears: 1);

    private static readonly Certificate Leaf = ShortRoot.IssueLeaf(BPub, [BPub],
        KeyPool.Shared.Get($"{Seed}/{BPub}/tomcat/short-root", KeyAlgorithm.EcP256), Installed, validity: TimeSpan.FromDays(3 * 365)).Certificate;

    private static readonly SimInstant AfterRootExpiry = SimInstant.FromDateTime(ShortRoot.Certificate.NotAfter.AddDays(1));

    [Fact]
    public void Java_PKIX_keeps_trusting_an_expired_root_and_OpenSSL_does_not()
    {
        var at = AfterRootExpiry.ToDateTime();

        var java = ChainValidator.Validate(Leaf, [], [ShortRoot.Certificate], ImpValidators.JavaPkix(at) with { RequireServerAuth = true });
        var openSsl = ChainValidator.Validate(Leaf, [], [ShortRoot.Certificate], ImpValidators.OpenSsl(at) with { RequireServerAuth = true });

        Assert.True(java.IsValid, java.ToString());
        Assert.False(openSsl.IsValid);
        Assert.Contains(openSsl.Reasons, r => r.Contains("Short Root CA", StringComparison.Ordinal) && r.Contains("expired on", StringComparison.Ordinal));
    }

    [Fact]
    public void The_intercluster_sync_agent_shows_a_peer_secure_through_an_expired_root_in_tomcat_trust()
    {
        var outcome = PeerSyncState.New(TlsPeer(), AfterRootExpiry)
            .Sync(Answered(TomcatTrust(ShortRoot.Certificate), Leaf, ShortRoot.Certificate), AfterRootExpiry, Timings);

        Assert.Equal(PeerStatus.SecureText, outcome.Status.Text);
    }

    [Fact]
    public void A_TLS_connection_of_the_SIP_and_XMPP_stacks_refuses_the_same_chain_as_expired()
    {
        var attempt = new TlsConnectionAttempt(TrustStore.Of("cup-trust", [ShortRoot.Certificate]), Leaf, [], BPub,
            AfterRootExpiry.ToDateTime(), false, false);

        var verdict = TlsConnectionCheck.Evaluate(attempt);

        Assert.False(verdict.Secure);
        Assert.True(verdict.Has(TlsFailureKind.Expired), verdict.ToString());
    }
}
