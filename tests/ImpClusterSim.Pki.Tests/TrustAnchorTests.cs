using Org.BouncyCastle.Asn1.X509;

namespace ImpClusterSim.Pki.Tests;

/// <summary>What is checked on the trust anchor itself: OpenSSL's checks by default, none under RFC 5280 / Java PKIX.</summary>
public sealed class TrustAnchorTests
{
    private static ValidationResult Validate(Forge anchor, TrustAnchorChecks checks, string id)
    {
        var leaf = Forge.For("CN=anchor leaf", "anchor-leaf" + id).SignedBy(anchor);
        return ChainValidator.Validate(leaf, [], [anchor.SelfSigned()], Forge.At with { AnchorChecks = checks });
    }

    [Fact]
    public void An_expired_anchor_fails_by_default_and_passes_without_anchor_checks()
    {
        var anchor = Forge.For("CN=Expired Anchor", "anchor-expired").Ca();
        anchor.NotBefore = TestPki.Now.AddYears(-3);
        anchor.NotAfter = TestPki.Now.AddYears(-1);

        var result = Validate(anchor, TrustAnchorChecks.OpenSsl, "-1");
        Assert.False(result.IsValid);
        Assert.Equal(ValidationFailureKind.Expired, Assert.Single(result.Failures).Kind);
        Assert.True(Validate(anchor, TrustAnchorChecks.None, "-1").IsValid);
    }

    [Fact]
    public void An_anchor_that_is_not_a_CA_fails_by_default_and_passes_without_anchor_checks()
    {
        var anchor = Forge.For("CN=Not A CA Anchor", "anchor-not-ca").With(X509Extensions.BasicConstraints, true, new BasicConstraints(false));

        Assert.Equal(ValidationFailureKind.NotACertificateAuthority, Assert.Single(Validate(anchor, TrustAnchorChecks.OpenSsl, "-2").Failures).Kind);
        Assert.True(Validate(anchor, TrustAnchorChecks.None, "-2").IsValid);
    }

    [Fact]
    public void An_anchor_whose_key_usage_lacks_certificate_sign_fails_only_with_the_key_usage_check()
    {
        var anchor = Forge.For("CN=Digital Signature Anchor", "anchor-ku").With(X509Extensions.BasicConstraints, true, new BasicConstraints(true))
            .With(X509Extensions.KeyUsage, true, new KeyUsage(KeyUsage.DigitalSignature));

        Assert.Contains("lacks Certificate Sign", Assert.Single(Validate(anchor, TrustAnchorChecks.OpenSsl, "-3").Reasons), StringComparison.Ordinal);
        Assert.True(Validate(anchor, TrustAnchorChecks.Validity | TrustAnchorChecks.BasicConstraints, "-3").IsValid);
    }

    [Fact]
    public void A_proper_anchor_passes_both_ways()
    {
        var anchor = Forge.For("CN=Good Anchor", "anchor-good").Ca();

        Assert.True(Validate(anchor, TrustAnchorChecks.OpenSsl, "-4").IsValid);
        Assert.True(Validate(anchor, TrustAnchorChecks.None, "-4").IsValid);
    }
}
