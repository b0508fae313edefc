using ImpClusterSim.Node.Runtime;
using ImpClusterSim.Pki;

namespace ImpClusterSim.Node.Tests.Platform;

/// <summary>
/// A deployment is installed with the same keys and certificates whatever the run's seed (docs/pki.md,
/// "Determinism"): the seed varies a run's history, so a campaign's runs share one installation and make it once.
/// </summary>
public sealed class InstallationIdentityTests
{
    private static readonly CertificateUnit[] Units = [CertificateUnit.Tomcat, CertificateUnit.Cup, CertificateUnit.CupXmpp, CertificateUnit.CupXmppS2s];

    [Fact]
    public void Two_seeds_install_the_same_certificates_on_every_node_and_different_nodes_differ()
    {
        var one = Installed(seed: 11);
        var other = Installed(seed: 12);

        Assert.Equal(one, other);
        Assert.NotEqual(one["imp-a-pub/tomcat"], one["imp-b-pub/tomcat"]);
    }

    /// <summary>The SHA-256 fingerprint of each IM&amp;P unit's certificate on both publishers, one minute after start.</summary>
    private static SortedDictionary<string, string> Installed(ulong seed)
    {
        using var run = PlatformFixture.TwoClusters(seed);
        run.RunFor(TimeSpan.FromMinutes(1));
        var fingerprints = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var node in new[] { "imp-a-pub", "imp-b-pub" })
        {
            var certificates = run.Operator.Request<CertificatesSnapshot>(node, r => new QueryCertificates(r))!.Certificates;
            foreach (var unit in Units)
                fingerprints[$"{node}/{unit.Name}"] = certificates.OwnCertificate(unit)!.Certificate.Sha256Fingerprint;
        }

        return fingerprints;
    }
}
