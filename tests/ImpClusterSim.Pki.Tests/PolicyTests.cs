using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;

namespace ImpClusterSim.Pki.Tests;

/// <summary>Certificate policies (RFC 5280 §6.1): explicit policy from the inputs or from policy constraints, mappings, inhibitAnyPolicy.</summary>
public sealed class PolicyTests
{
    private const string Policy1 = "2.16.840.1.101.3.2.1.48.1";
    private const string Policy2 = "2.16.840.1.101.3.2.1.48.2";

    private static readonly Forge Root = Forge.For("CN=Policy Root", "policy-root").Ca();
    private static readonly Certificate RootCertificate = Root.SelfSigned();

    private static CertificatePolicies Policies(params string[] oids) =>
        new(oids.Select(o => new PolicyInformation(new DerObjectIdentifier(o))).ToArray());

    private static Asn1Encodable RequireExplicit(int skip) => new DerSequence(new DerTaggedObject(false, 0, DerInteger.ValueOf(skip)));

    private static ValidationResult Validate(Func<Forge, Forge> ca, Func<Forge, Forge> leaf, ValidationOptions? options = null, string id = "")
    {
        var caForge = ca(Forge.For("CN=Policy CA", "policy-ca" + id).Ca());
        var leafCertificate = leaf(Forge.For("CN=policy leaf", "policy-leaf" + id)).SignedBy(caForge);
        return ChainValidator.Validate(leafCertificate, [caForge.SignedBy(Root)], [RootCertificate], options ?? Forge.At);
    }

    [Fact]
    public void Without_any_explicit_policy_requirement_policies_restrict_nothing()
    {
        Assert.True(Validate(ca => ca.With(X509Extensions.CertificatePolicies, false, Policies(Policy1)), leaf => leaf.With(X509Extensions.CertificatePolicies, false, Policies(Policy2))).IsValid);
    }

    [Fact]
    public void Policy_constraints_requiring_an_explicit_policy_fail_a_leaf_without_a_common_policy()
    {
        Func<Forge, Forge> ca = c => c.With(X509Extensions.CertificatePolicies, false, Policies(Policy1)).With(X509Extensions.PolicyConstraints, true, RequireExplicit(0));

        Assert.True(Validate(ca, leaf => leaf.With(X509Extensions.CertificatePolicies, false, Policies(Policy1))).IsValid);
        var result = Validate(ca, leaf => leaf.With(X509Extensions.CertificatePolicies, false, Policies(Policy2)));
        Assert.False(result.IsValid);
        var failure = Assert.Single(result.Failures);
        Assert.Equal(ValidationFailureKind.CertificatePolicy, failure.Kind);
        Assert.Contains("the policy constraints of 'CN=Policy CA' (requireExplicitPolicy 0)", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_initial_policy_set_with_explicit_policy_selects_the_acceptable_policies()
    {
        Func<Forge, Forge> both = f => f.With(X509Extensions.CertificatePolicies, false, Policies(Policy1));
        var explicitPolicy1 = Forge.At with { InitialPolicies = [Policy1], RequireExplicitPolicy = true };
        var explicitPolicy2 = Forge.At with { InitialPolicies = [Policy2], RequireExplicitPolicy = true };

        Assert.True(Validate(both, both, explicitPolicy1).IsValid);
        var result = Validate(both, both, explicitPolicy2);
        Assert.False(result.IsValid);
        Assert.Contains("no certificate policy (one of 2.16.840.1.101.3.2.1.48.2) is valid for the whole path, and the initial policy inputs (initial-explicit-policy) requires one",
            result.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_policy_mapping_is_followed_unless_mapping_is_inhibited()
    {
        var mapping = new DerSequence(new DerSequence(new DerObjectIdentifier(Policy1), new DerObjectIdentifier(Policy2)));
        Func<Forge, Forge> ca = c => c.With(X509Extensions.CertificatePolicies, false, Policies(Policy1)).With(X509Extensions.PolicyMappings, true, mapping);
        Func<Forge, Forge> leaf = l => l.With(X509Extensions.CertificatePolicies, false, Policies(Policy2));
        var explicitPolicy1 = Forge.At with { InitialPolicies = [Policy1], RequireExplicitPolicy = true };

        Assert.True(Validate(ca, leaf, explicitPolicy1, "-map").IsValid);
        Assert.False(Validate(ca, leaf, explicitPolicy1 with { InhibitPolicyMapping = true }, "-map").IsValid);
    }

    [Fact]
    public void Mapping_anyPolicy_is_refused()
    {
        var mapping = new DerSequence(new DerSequence(new DerObjectIdentifier(ValidationOptions.AnyPolicy), new DerObjectIdentifier(Policy2)));
        var result = Validate(c => c.With(X509Extensions.CertificatePolicies, false, Policies(Policy1)).With(X509Extensions.PolicyMappings, true, mapping), l => l, id: "-anymap");

        Assert.False(result.IsValid);
        Assert.Equal(ValidationFailureKind.CertificatePolicy, Assert.Single(result.Failures).Kind);
    }

    [Fact]
    public void AnyPolicy_in_a_CA_counts_unless_inhibited()
    {
        Func<Forge, Forge> ca = c => c.With(X509Extensions.CertificatePolicies, false, Policies(ValidationOptions.AnyPolicy));
        Func<Forge, Forge> leaf = l => l.With(X509Extensions.CertificatePolicies, false, Policies(Policy1));
        var explicitPolicy1 = Forge.At with { InitialPolicies = [Policy1], RequireExplicitPolicy = true };

        Assert.True(Validate(ca, leaf, explicitPolicy1, "-any").IsValid);
        Assert.False(Validate(ca, leaf, explicitPolicy1 with { InhibitAnyPolicy = true }, "-any").IsValid);
    }
}
