using Org.BouncyCastle.Asn1.X509;

namespace ImpClusterSim.Pki.Tests;

/// <summary>The RFC 5280 §4 profile rules (<see cref="ProfileRules"/>, applied with StrictProfile): a passing and a failing certificate each.</summary>
public sealed class ProfileRuleTests
{
    private static readonly Forge Root = Forge.For("CN=Profile Root", "profile-root").Ca();

    private static string Only(Certificate certificate) => Assert.Single(ProfileRules.Check(certificate));

    [Fact]
    public void A_well_formed_CA_and_leaf_follow_every_rule()
    {
        Assert.Empty(ProfileRules.Check(Forge.For("CN=Profile CA", "profile-ok-ca").Ca().SignedBy(Root)));
        Assert.Empty(ProfileRules.Check(Forge.For("CN=profile leaf", "profile-ok-leaf").Dns("a.example.com").SignedBy(Root)));
        Assert.Empty(ProfileRules.Check(Root.SelfSigned(), isTrustAnchor: true));
    }

    [Fact]
    public void A_CA_needs_a_subject_key_identifier_and_a_leaf_an_authority_key_identifier()
    {
        var ca = Forge.For("CN=No Key Ids CA", "profile-no-ski").Ca();
        ca.KeyIdentifiers = false;
        var certificate = ca.SignedBy(Root);

        var reasons = ProfileRules.Check(certificate);
        Assert.Contains("certificate 'CN=No Key Ids CA' is a CA without a subject key identifier (RFC 5280 §4.2.1.2)", reasons);
        Assert.Contains("certificate 'CN=No Key Ids CA' has no authority key identifier (RFC 5280 §4.2.1.1)", reasons);
    }

    [Fact]
    public void A_CA_needs_critical_basic_constraints()
    {
        Assert.Equal("certificate 'CN=Soft CA' is a CA whose basic constraints extension is not critical (RFC 5280 §4.2.1.9)",
            Only(Forge.For("CN=Soft CA", "profile-soft").Ca(critical: false).SignedBy(Root)));
    }

    [Fact]
    public void Certificate_sign_in_the_key_usage_needs_a_CA()
    {
        var leaf = Forge.For("CN=signing leaf", "profile-ku").With(X509Extensions.KeyUsage, true, new KeyUsage(KeyUsage.KeyCertSign | KeyUsage.DigitalSignature)).SignedBy(Root);

        Assert.Equal("certificate 'CN=signing leaf' asserts Certificate Sign in its key usage but is not a CA (RFC 5280 §4.2.1.3)", Only(leaf));
    }

    [Fact]
    public void An_empty_subject_needs_a_critical_subject_alternative_name()
    {
        var critical = Forge.For("", "profile-empty-1").Names(true, new GeneralName(GeneralName.DnsName, "a.example.com")).SignedBy(Root);
        var notCritical = Forge.For("", "profile-empty-2").Names(false, new GeneralName(GeneralName.DnsName, "a.example.com")).SignedBy(Root);

        Assert.Empty(ProfileRules.Check(critical));
        Assert.Contains("has an empty subject, so its subject alternative name must be critical (RFC 5280 §4.2.1.6)", Only(notCritical), StringComparison.Ordinal);
    }

    [Fact]
    public void Name_constraints_belong_only_in_CA_certificates()
    {
        var constraints = new NameConstraints(new GeneralSubtrees(new GeneralSubtree(new GeneralName(GeneralName.DnsName, "example.com"))), null);
        var leaf = Forge.For("CN=constrained leaf", "profile-nc").With(X509Extensions.NameConstraints, true, constraints).SignedBy(Root);

        Assert.Equal("certificate 'CN=constrained leaf' has name constraints but is not a CA (RFC 5280 §4.2.1.10)", Only(leaf));
    }

    [Fact]
    public void The_rules_apply_to_a_path_only_with_the_strict_profile()
    {
        var ca = Forge.For("CN=Soft Path CA", "profile-path").Ca(critical: false);
        var leaf = Forge.For("CN=profile path leaf", "profile-path-leaf").SignedBy(ca);

        Assert.True(ChainValidator.Validate(leaf, [ca.SignedBy(Root)], [Root.SelfSigned()], Forge.At).IsValid);
        var strict = ChainValidator.Validate(leaf, [ca.SignedBy(Root)], [Root.SelfSigned()], Forge.At with { StrictProfile = true });
        Assert.False(strict.IsValid);
        Assert.Equal(ValidationFailureKind.Profile, Assert.Single(strict.Failures).Kind);
    }
}
