namespace ImpClusterSim.Pki.Tests;

public sealed class HostNameTests
{
    private static readonly CertificateAuthority Ca = TestPki.Root("Names Root");

    [Fact]
    public void A_SAN_dNSName_matches_case_insensitively()
    {
        var leaf = Ca.IssueLeaf("imp1.example.com", ["imp1.example.com", "example.com"], TestPki.Key("names-1"), TestPki.Now).Certificate;

        Assert.True(HostNameMatcher.Matches(leaf, "IMP1.Example.com"));
        Assert.True(HostNameMatcher.Matches(leaf, "example.com"));
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
    public void A_wildcard_name_is_refused()
    {
        var leaf = Ca.IssueLeaf("*.example.com", ["*.example.com"], TestPki.Key("names-4"), TestPki.Now).Certificate;

        var reason = HostNameMatcher.Check(leaf, "imp1.example.com");

        Assert.NotNull(reason);
        Assert.Contains("wildcard certificates are not accepted", reason, StringComparison.Ordinal);
        Assert.False(HostNameMatcher.Matches(leaf, "*.example.com"));
    }

    [Fact]
    public void Validation_for_a_host_fails_on_a_wrong_SAN()
    {
        var leaf = TestPki.Leaf(Ca, "imp3.example.com", fault: CertificateFault.WrongSan).Certificate;

        var result = ChainValidator.Validate(leaf, [], [Ca.Certificate], new ValidationOptions(TestPki.Now) { HostName = "imp3.example.com" });

        Assert.False(result.IsValid);
        Assert.Equal(["certificate 'CN=imp3.example.com' is not valid for 'imp3.example.com' (SAN: wrong-imp3.example.com)"], result.Reasons);
    }
}
