using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;

namespace ImpClusterSim.Pki.Tests;

/// <summary>Name constraints (RFC 5280 §4.2.1.10, §6.1.3 (b)-(c), §6.1.4 (g)): one passing and one failing certificate per name form.</summary>
public sealed class NameConstraintTests
{
    private static readonly Forge Root = Forge.For("CN=NC Root", "nc-root").Ca();
    private static readonly Certificate RootCertificate = Root.SelfSigned();

    private static NameConstraints Permitted(params GeneralName[] names) =>
        new(new GeneralSubtrees(names.Select(n => new GeneralSubtree(n)).ToArray()), null);

    private static NameConstraints Excluded(params GeneralName[] names) =>
        new(null, new GeneralSubtrees(names.Select(n => new GeneralSubtree(n)).ToArray()));

    private static ValidationResult Validate(NameConstraints constraints, Func<Forge, Forge> leafNames, string subject = "CN=leaf", string id = "")
    {
        var ca = Forge.For("CN=NC CA", "nc-ca" + id).Ca().With(X509Extensions.NameConstraints, true, constraints);
        var leaf = leafNames(Forge.For(subject, "nc-leaf" + id)).SignedBy(ca);
        return ChainValidator.Validate(leaf, [ca.SignedBy(Root)], [RootCertificate], Forge.At);
    }

    [Fact]
    public void A_DNS_name_inside_a_permitted_subtree_passes_and_one_outside_fails()
    {
        var constraints = Permitted(new GeneralName(GeneralName.DnsName, "example.com"));

        Assert.True(Validate(constraints, f => f.Dns("imp1.example.com")).IsValid);
        var outside = Validate(constraints, f => f.Dns("imp1.example.org"));
        Assert.False(outside.IsValid);
        Assert.Equal(ValidationFailureKind.NameConstraints, Assert.Single(outside.Failures).Kind);
        Assert.Contains("subject alternative name DNS:imp1.example.org of certificate 'CN=leaf' is outside the permitted subtrees of the name constraints of 'CN=NC CA'",
            outside.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void An_IP_address_inside_an_excluded_range_fails_and_one_outside_passes()
    {
        var constraints = Excluded(new GeneralName(GeneralName.IPAddress, new DerOctetString(new byte[] { 10, 0, 0, 0, 255, 0, 0, 0 })));

        Assert.True(Validate(constraints, f => f.Names(false, new GeneralName(GeneralName.IPAddress, "192.0.2.1"))).IsValid);
        var inside = Validate(constraints, f => f.Names(false, new GeneralName(GeneralName.IPAddress, "10.1.2.3")));
        Assert.False(inside.IsValid);
        Assert.Contains("IP:10.1.2.3", inside.Reasons[0], StringComparison.Ordinal);
        Assert.Contains("inside an excluded subtree", inside.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_subject_DN_must_lie_under_a_permitted_directory_name()
    {
        var constraints = Permitted(new GeneralName(new X509Name("O=Example")));

        Assert.True(Validate(constraints, f => f, "O=Example,CN=leaf").IsValid);
        var outside = Validate(constraints, f => f, "O=Other,CN=leaf");
        Assert.False(outside.IsValid);
        Assert.Contains("the subject 'O=Other,CN=leaf'", outside.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void An_email_address_in_the_subject_DN_counts_as_an_rfc822_name()
    {
        var constraints = Excluded(new GeneralName(GeneralName.Rfc822Name, "bad.example.com"));

        Assert.True(Validate(constraints, f => f, "CN=leaf,E=ops@good.example.com").IsValid);
        var excluded = Validate(constraints, f => f, "CN=leaf,E=ops@bad.example.com");
        Assert.False(excluded.IsValid);
        Assert.Contains("subject e-mail address 'ops@bad.example.com'", excluded.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_URI_host_must_lie_in_a_permitted_domain()
    {
        var constraints = Permitted(new GeneralName(GeneralName.UniformResourceIdentifier, ".example.com"));

        Assert.True(Validate(constraints, f => f.Names(false, new GeneralName(GeneralName.UniformResourceIdentifier, "https://imp1.example.com/x"))).IsValid);
        Assert.False(Validate(constraints, f => f.Names(false, new GeneralName(GeneralName.UniformResourceIdentifier, "https://imp1.example.org/x"))).IsValid);
    }

    [Fact]
    public void The_constraints_of_a_trust_anchor_apply_by_default_and_not_under_RFC_5280_anchor_checks()
    {
        var root = Forge.For("CN=NC Anchor", "nc-anchor").Ca().With(X509Extensions.NameConstraints, true, Permitted(new GeneralName(GeneralName.DnsName, "example.com")));
        var leaf = Forge.For("CN=leaf", "nc-anchor-leaf").Dns("imp1.example.org").SignedBy(root);

        Assert.False(ChainValidator.Validate(leaf, [], [root.SelfSigned()], Forge.At).IsValid);
        Assert.True(ChainValidator.Validate(leaf, [], [root.SelfSigned()], Forge.At with { AnchorChecks = TrustAnchorChecks.None }).IsValid);
    }
}
