using ImpClusterSim.Scenarios.Language;
using static ImpClusterSim.Scenarios.Tests.Language.ScenarioText;

namespace ImpClusterSim.Scenarios.Tests.Language;

/// <summary>The validator on peer-certificate: each error at its line and column (the snippet starts at line 9).</summary>
public sealed class PeerCertificateValidationTests
{
    [Theory]
    [InlineData("expect:\n  - at: 1h\n    peer-certificate: { cluster: imp-a, peer: imp-b }\n",
        "s.yaml:11:5: 'peer-certificate' needs 'issued-by: <ca>' or 'self-signed: true|false'")]
    [InlineData("expect:\n  - at: 1h\n    peer-certificate: { cluster: imp-a, peer: imp-b, issued-by: root, self-signed: true }\n",
        "s.yaml:11:84: 'peer-certificate' takes 'issued-by' or 'self-signed', not both")]
    [InlineData("expect:\n  - at: 1h\n    peer-certificate: { cluster: imp-a, peer: imp-a, self-signed: true }\n",
        "s.yaml:11:47: a cluster is not its own peer")]
    [InlineData("expect:\n  - at: 1h\n    peer-certificate: { cluster: imp-a, peer: imp-b, issued-by: rot }\n",
        "s.yaml:11:65: unknown CA 'rot'")]
    [InlineData("expect:\n  - at: 1h\n    peer-certificate: { cluster: imp-a, peer: imp-b, self-signed: maybe }\n",
        "s.yaml:11:67: ")]
    [InlineData("expect:\n  - at: 1h\n    peer-certificate: { cluster: cucm, peer: imp-b, self-signed: true }\n",
        "s.yaml:11:34: ")]
    [InlineData("expect:\n  - at: 1h\n    peer-certificate: { cluster: imp-a, peer: imp-b, issuer: root }\n",
        "s.yaml:11:54: ")]
    public void Each_error_is_reported_at_its_line_and_column(string snippet, string expectedStart)
    {
        var error = Assert.Single(Errors(Head + snippet));
        Assert.StartsWith(expectedStart, error);
    }

    [Fact]
    public void It_parses_into_its_condition_with_publishers_naming_their_clusters()
    {
        var scenario = Valid(Head + "expect:\n" +
                             "  - at: 1h\n    peer-certificate: { cluster: imp-a-pub, peer: imp-b, issued-by: issuing }\n" +
                             "  - within: 2h\n    not: { peer-certificate: { cluster: imp-b, peer: imp-a-pub, self-signed: false } }\n");

        var first = Assert.IsType<PeerCertificateIs>(scenario.Expectations[0].Condition);
        Assert.Equal(("imp-a", "imp-b", "issuing", (bool?)null), (first.Cluster, first.Peer, first.IssuedBy, first.SelfSigned));
        var second = Assert.IsType<PeerCertificateIs>(Assert.IsType<Not>(scenario.Expectations[1].Condition).Inner);
        Assert.Equal(("imp-b", "imp-a", (string?)null, (bool?)false), (second.Cluster, second.Peer, second.IssuedBy, second.SelfSigned));
    }
}
