namespace ImpClusterSim.Pki.Tests;

/// <summary>Host names per RFC 6125 (and RFC 2818 for IP addresses), and the separate wildcard upload rule.</summary>
public sealed class HostNameTests
{
    private static readonly CertificateAuthority Ca = TestPki.Root("Names Root");

    [Fact]
    public void A_SAN_dNSName_matches_case_insensitively()
    {
        var leaf = Ca.IssueLeaf("imp1.example.com", ["imp1.example.com", "example.com"], TestPki.Key("names-1"), TestPki.Now).Certificate;

        Assert.True(HostNameMatcher.Matches(leaf, "IMP1.Example.com"));
        Assert.True(HostNameMatcher.Matches(leaf, "example.com"));
        Assert.True(HostNameMatcher.Matches(leaf, "imp1.example.com."));
        Assert.False(HostNameMatcher.Matches(leaf, "imp2.example.com"));
    }

    [Fact]
    public void The_CN_is_used_when_there_is_no_SAN()
    {
        var leaf = Ca.IssueLeaf("legacy.example.com", [], TestPki.Key("names-2"), TestPki.Now).Certificate;

        Assert.Empty(leaf.DnsNames);
        Assert.True(HostNameMatcher.Matches(leaf, "legacy.example.com"));
    }

    [Fact]
    public void The_CN_is_ignored_when_there_is_a_SAN()
    {
        var leaf = Ca.IssueLeaf("cn-only.example.com", ["san.example.com"], TestPki.Key("names-3"), TestPki.Now).Certificate;

        Assert.False(HostNameMatcher.Matches(leaf, "cn-only.example.com"));
        Assert.Contains("(SAN: san.example.com)", HostNameMatcher.Check(leaf, "cn-only.example.com"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_wildcard_matches_exactly_one_left_most_label()
    {
        var leaf = Ca.IssueLeaf("*.example.com", ["*.example.com"], TestPki.Key("names-4"), TestPki.Now).Certificate;

        Assert.True(HostNameMatcher.Matches(leaf, "imp1.example.com"));
        Assert.False(HostNameMatcher.Matches(leaf, "a.imp1.example.com"));
        Assert.False(HostNameMatcher.Matches(leaf, "example.com"));
        Assert.False(HostNameMatcher.Matches(leaf, "*.example.com"));
    }

    [Fact]
    public void A_partial_or_inner_wildcard_and_a_wildcard_over_a_top_level_domain_never_match()
    {
        var leaf = Ca.IssueLeaf("partial", ["imp*.example.com", "a.*.example.com", "*.com"], TestPki.Key("names-5"), TestPki.Now).Certificate;

        Assert.False(HostNameMatcher.Matches(leaf, "imp1.example.com"));
        Assert.False(HostNameMatcher.Matches(leaf, "a.b.example.com"));
        Assert.False(HostNameMatcher.Matches(leaf, "example.com"));
    }

    [Fact]
    public void An_IP_address_matches_only_an_iPAddress_SAN_never_a_wildcard_or_a_dNSName()
    {
        var root = Forge.For("CN=IP Root", "ip-root").Ca();
        var withIp = Forge.For("CN=192.0.2.7", "ip-leaf").Names(false,
            new Org.BouncyCastle.Asn1.X509.GeneralName(Org.BouncyCastle.Asn1.X509.GeneralName.IPAddress, "192.0.2.7"),
            new Org.BouncyCastle.Asn1.X509.GeneralName(Org.BouncyCastle.Asn1.X509.GeneralName.DnsName, "*.2.0.192")).SignedBy(root);

        Assert.Equal(["192.0.2.7"], withIp.IpAddresses);
        Assert.True(HostNameMatcher.Matches(withIp, "192.0.2.7"));
        Assert.False(HostNameMatcher.Matches(withIp, "192.0.2.8"));
        Assert.False(HostNameMatcher.Matches(Forge.For("CN=192.0.2.9", "ip-cn").SignedBy(root), "192.0.2.9"));
    }

    [Fact]
    public void Validation_for_a_host_fails_on_a_wrong_SAN()
    {
        var leaf = TestPki.Leaf(Ca, "imp3.example.com", fault: CertificateFault.WrongSan).Certificate;

        var result = ChainValidator.Validate(leaf, [], [Ca.Certificate], new ValidationOptions(TestPki.Now) { HostName = "imp3.example.com" });

        Assert.False(result.IsValid);
        Assert.Equal(["certificate 'CN=imp3.example.com' is not valid for 'imp3.example.com' (SAN: wrong-imp3.example.com)"], result.Reasons);
    }

    [Fact]
    public void The_wildcard_upload_rule_refuses_a_wildcard_certificate_except_for_XMPP_federation()
    {
        var wildcard = Ca.IssueLeaf("*.example.com", ["*.example.com"], TestPki.Key("names-6"), TestPki.Now).Certificate;
        var plain = Ca.IssueLeaf("imp1.example.com", ["imp1.example.com"], TestPki.Key("names-7"), TestPki.Now).Certificate;

        Assert.Null(WildcardUploadRule.Check(CertificateUnit.Tomcat, plain));
        Assert.Equal("tomcat does not accept wildcard certificates ('*.example.com')", WildcardUploadRule.Check(CertificateUnit.Tomcat, wildcard));
        Assert.Null(WildcardUploadRule.Check(CertificateUnit.CupXmppS2s, wildcard));
    }
}
