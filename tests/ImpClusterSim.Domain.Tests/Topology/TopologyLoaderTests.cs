using ImpClusterSim.Domain.Topology;

namespace ImpClusterSim.Domain.Tests.Topology;

public sealed class TopologyLoaderTests
{
    // A valid base: line numbers below are 1-based and refer to this text.
    private const string Valid = """
        cucm-clusters:
          - name: cucm
            nodes:
              - name: cucm-pub
                fqdn: cucm-pub.example.com
                ip: 10.0.0.10
                role: publisher
        imp-clusters:
          - name: imp-a
            cucm-cluster: cucm
            domain: a.example.com
            nodes:
              - name: imp-a-pub
                fqdn: imp-a-pub.example.com
                ip: 10.0.1.10
                role: publisher
              - name: imp-a-sub1
                fqdn: imp-a-sub1.example.com
                ip: 10.0.1.11
                role: subscriber
                federation: true
            subclusters:
              - name: sc1
                nodes: [imp-a-pub, imp-a-sub1]
        """;

    private static IReadOnlyList<TopologyError> Errors(string yaml)
    {
        var e = Assert.Throws<TopologyException>(() => TopologyLoader.Parse(yaml, "t.yaml"));
        return e.Errors;
    }

    private static TopologyError Single(string yaml)
    {
        var errors = Errors(yaml);
        Assert.True(errors.Count == 1, string.Join("\n", errors));
        return errors[0];
    }

    private static string Replace(string find, string replace)
    {
        Assert.Contains(find, Valid);
        return Valid.Replace(find, replace);
    }

    private static string ImpNode(string name, int ip) =>
        $"      - name: {name}\n        fqdn: {name}.example.com\n        ip: 10.0.1.{ip}\n        role: subscriber\n";

    [Fact]
    public void The_default_topology_loads_to_twenty_nodes()
    {
        var d = TopologyLoader.LoadDefault();
        Assert.Equal(20, d.Nodes.Count());
        Assert.Single(d.CucmClusters);
        Assert.Equal(3, d.ImpClusters.Length);
        Assert.All(d.ImpClusters, c =>
        {
            Assert.Equal(6, c.Nodes.Length);
            Assert.Equal(3, c.Subclusters.Length);
            Assert.All(c.Subclusters, s => Assert.Equal(2, s.Nodes.Length));
            Assert.InRange(c.FederationNodes.Count(), 1, 2);
            Assert.Equal("cucm", c.CucmCluster);
        });
        Assert.Equal("imp-a-pub", d.ImpCluster("imp-a").Publisher.Name);
        Assert.Equal("a.example.com", d.ImpCluster("imp-a").Domain);
        Assert.Equal("imp-b-sc3", d.Node("imp-b-sub5").Subcluster);
    }

    [Fact]
    public void The_default_file_on_disk_matches_the_embedded_one()
    {
        var path = Path.Combine(RepoRoot(), "configs", "topologies", "default.yaml");
        Assert.Equal(TopologyLoader.LoadDefault().Nodes, TopologyLoader.LoadFile(path).Nodes);
    }

    [Fact]
    public void The_two_clusters_topology_has_two_imp_clusters_of_two_nodes()
    {
        var d = TopologyLoader.LoadFile(Path.Combine(RepoRoot(), "configs", "topologies", "two-clusters.yaml"));
        Assert.Equal(2, d.ImpClusters.Length);
        Assert.All(d.ImpClusters, c => Assert.Equal(2, c.Nodes.Length));
        Assert.Equal(5, d.Nodes.Count());
        Assert.Equal(d.Nodes, TopologyLoader.LoadEmbedded("two-clusters").Nodes);
    }

    [Fact]
    public void A_valid_topology_keeps_every_node_field()
    {
        var d = TopologyLoader.Parse(Valid);
        var sub = d.Node("imp-a-sub1");
        Assert.Equal(new NodeSpec("imp-a-sub1", "imp-a-sub1.example.com", "10.0.1.11", NodeKind.Imp, NodeRole.Subscriber, "imp-a", true, "sc1"), sub);
        Assert.Equal(NodeKind.Cucm, d.Node("cucm-pub").Kind);
        Assert.Equal(["imp-a-pub"], d.ClusterPeersOf("imp-a-sub1").Select(n => n.Name));
    }

    [Fact]
    public void An_error_prints_as_file_line_column_message()
    {
        Assert.Equal("t.yaml:3:5: bad", new TopologyError("t.yaml", 3, 5, "bad").ToString());
    }

    [Fact]
    public void Seven_nodes_in_an_imp_cluster_are_refused_at_the_nodes_list()
    {
        var extra = ImpNode("imp-a-sub2", 12) + ImpNode("imp-a-sub3", 13) + ImpNode("imp-a-sub4", 14) + ImpNode("imp-a-sub5", 15) + ImpNode("imp-a-sub6", 16);
        var yaml = Replace("    subclusters:", extra + "    subclusters:")
            .Replace("nodes: [imp-a-pub, imp-a-sub1]",
                "nodes: [imp-a-pub, imp-a-sub1]\n      - name: sc2\n        nodes: [imp-a-sub2, imp-a-sub3]\n" +
                "      - name: sc3\n        nodes: [imp-a-sub4, imp-a-sub5]\n      - name: sc4\n        nodes: [imp-a-sub6]");
        var e = Single(yaml);
        Assert.Equal((13, 7), (e.Line, e.Column));
        Assert.Contains("has 7 nodes", e.Message);
        Assert.Contains("at most 6", e.Message);
    }

    [Fact]
    public void Two_publishers_are_refused_at_the_second_role()
    {
        var e = Single(Replace("""
                    role: subscriber
                    federation: true
            """, """
                    role: publisher
                    federation: true
            """));
        Assert.Equal((20, 15), (e.Line, e.Column));
        Assert.Contains("second publisher 'imp-a-sub1'", e.Message);
    }

    [Fact]
    public void A_cluster_without_publisher_is_refused()
    {
        var e = Single(Replace("""
                    ip: 10.0.0.10
                    role: publisher
            """, """
                    ip: 10.0.0.10
                    role: subscriber
            """));
        Assert.Equal((4, 7), (e.Line, e.Column));
        Assert.Contains("CUCM cluster 'cucm' has no publisher", e.Message);
    }

    [Fact]
    public void A_subcluster_of_three_nodes_is_refused()
    {
        var yaml = Replace("    subclusters:", ImpNode("imp-a-sub2", 12) + "    subclusters:")
            .Replace("[imp-a-pub, imp-a-sub1]", "[imp-a-pub, imp-a-sub1, imp-a-sub2]");
        var e = Single(yaml);
        Assert.Equal((28, 16), (e.Line, e.Column));
        Assert.Contains("subcluster 'sc1' has 3 nodes", e.Message);
    }

    [Fact]
    public void An_empty_subcluster_is_refused()
    {
        var errors = Errors(Replace("[imp-a-pub, imp-a-sub1]", "[]"));
        Assert.Contains(errors, e => (e.Line, e.Column) == (24, 16) && e.Message.Contains("subcluster 'sc1' is empty"));
        Assert.Contains(errors, e => e.Message.Contains("node 'imp-a-pub' of IM&P cluster 'imp-a' is in no subcluster"));
    }

    [Fact]
    public void An_unknown_cucm_cluster_reference_is_refused_at_its_value()
    {
        var e = Single(Replace("cucm-cluster: cucm", "cucm-cluster: cucm-x"));
        Assert.Equal((10, 19), (e.Line, e.Column));
        Assert.Contains("refers to CUCM cluster 'cucm-x', which is not defined (defined: cucm)", e.Message);
    }

    [Fact]
    public void A_duplicate_node_name_is_refused_at_the_second_occurrence()
    {
        var errors = Errors(Replace("- name: imp-a-sub1", "- name: imp-a-pub"));
        Assert.Contains(errors, e => (e.Line, e.Column) == (17, 15) && e.Message.Contains("duplicate node name 'imp-a-pub' (first at line 13"));
    }

    [Fact]
    public void A_duplicate_fqdn_is_refused_case_insensitively_at_the_second_occurrence()
    {
        var errors = Errors(Replace("- name: imp-a-sub1", "- name: imp-a-pub").Replace("fqdn: imp-a-sub1.example.com", "fqdn: IMP-A-PUB.example.com"));
        Assert.Contains(errors, e => (e.Line, e.Column) == (18, 15) && e.Message.Contains("duplicate FQDN 'IMP-A-PUB.example.com' (first at line 14, column 15)"));
    }

    [Fact]
    public void An_fqdn_that_does_not_start_with_the_host_name_is_refused()
    {
        var e = Single(Replace("fqdn: imp-a-sub1.example.com", "fqdn: other.example.com"));
        Assert.Equal((18, 15), (e.Line, e.Column));
        Assert.Contains("does not start with the node's host name 'imp-a-sub1.'", e.Message);
    }

    [Fact]
    public void A_duplicate_ip_address_is_refused_at_the_second_occurrence()
    {
        var e = Single(Replace("ip: 10.0.1.11", "ip: 10.0.1.10"));
        Assert.Equal((19, 13), (e.Line, e.Column));
        Assert.Contains("duplicate IP address '10.0.1.10' (first at line 15", e.Message);
    }

    [Theory]
    [InlineData("10.0.1.256")]
    [InlineData("10.0.1")]
    [InlineData("10.0.01.1")]
    [InlineData("ten.0.1.1")]
    public void A_malformed_ip_address_is_refused(string ip)
    {
        var e = Single(Replace("ip: 10.0.1.11", "ip: " + ip));
        Assert.Equal((19, 13), (e.Line, e.Column));
        Assert.Contains($"ip '{ip}' is not a valid IPv4 address", e.Message);
    }

    [Theory]
    [InlineData("imp-a-sub1")]
    [InlineData("imp-a-sub1..example.com")]
    [InlineData("imp-a-sub1.-bad.com")]
    [InlineData("imp_a_sub1.example.com")]
    public void A_malformed_fqdn_is_refused(string fqdn)
    {
        var e = Single(Replace("fqdn: imp-a-sub1.example.com", "fqdn: " + fqdn));
        Assert.Equal((18, 15), (e.Line, e.Column));
        Assert.Contains($"fqdn '{fqdn}' is not a valid FQDN", e.Message);
    }

    [Fact]
    public void A_node_name_with_uppercase_letters_is_refused()
    {
        var errors = Errors(Replace("- name: imp-a-sub1", "- name: IMP-A-SUB1"));
        Assert.Contains(errors, e => (e.Line, e.Column) == (17, 15) && e.Message.Contains("node name 'IMP-A-SUB1' is not a valid host name"));
    }

    [Fact]
    public void An_unknown_key_is_refused_at_the_key()
    {
        var e = Single(Replace("    federation: true", "    federation: true\n        colour: blue"));
        Assert.Equal((22, 9), (e.Line, e.Column));
        Assert.Contains("unknown key 'colour' in node", e.Message);
    }

    [Fact]
    public void Federation_is_not_a_key_of_a_cucm_node()
    {
        var e = Single(Replace("    role: publisher\nimp-clusters:", "    role: publisher\n        federation: true\nimp-clusters:"));
        Assert.Equal((8, 9), (e.Line, e.Column));
        Assert.Contains("unknown key 'federation'", e.Message);
    }

    [Fact]
    public void A_wrong_type_is_refused()
    {
        var errors = Errors(Replace("federation: true", "federation: maybe").Replace("domain: a.example.com", "domain: [a.example.com]"));
        Assert.Equal(2, errors.Count);
        Assert.Equal((11, 13), (errors[0].Line, errors[0].Column));
        Assert.Contains("'domain' must be a non-empty text value, found a list", errors[0].Message);
        Assert.Equal((21, 21), (errors[1].Line, errors[1].Column));
        Assert.Contains("'federation' must be true or false, found 'maybe'", errors[1].Message);
    }

    [Fact]
    public void A_missing_key_is_reported_at_its_mapping()
    {
        var e = Single(Replace("        ip: 10.0.1.11\n", ""));
        Assert.Equal((17, 9), (e.Line, e.Column));
        Assert.Contains("node is missing the key 'ip'", e.Message);
    }

    [Fact]
    public void All_errors_are_reported_at_once_in_file_order()
    {
        var yaml = Replace("ip: 10.0.1.11", "ip: 10.0.1.999")
            .Replace("cucm-cluster: cucm", "cucm-cluster: nowhere")
            .Replace("fqdn: cucm-pub.example.com", "fqdn: cucm-pub")
            .Replace("    federation: true", "    federation: true\n        colour: blue");
        var errors = Errors(yaml);
        Assert.Equal([5, 10, 19, 22], errors.Select(e => e.Line));
        var text = Assert.Throws<TopologyException>(() => TopologyLoader.Parse(yaml, "t.yaml")).Message;
        Assert.Contains("t.yaml:19:13: ip '10.0.1.999'", text);
    }

    [Fact]
    public void A_yaml_syntax_error_is_reported_with_its_position()
    {
        var e = Single("cucm-clusters: []\nimp-clusters: a: b\n");
        Assert.Equal(("t.yaml", 2), (e.File, e.Line));
        Assert.StartsWith("YAML syntax error", e.Message);
        var unclosed = Single("cucm-clusters: [a\nimp-clusters: []\n");
        Assert.Equal(2, unclosed.Line);
    }

    [Fact]
    public void A_duplicate_key_is_reported_as_such_with_its_name()
    {
        var e = Single("cucm-clusters: []\nimp-clusters: []\ncucm-clusters: []\n");
        Assert.Equal((3, 1, "duplicate key 'cucm-clusters'"), (e.Line, e.Column, e.Message));
    }

    [Fact]
    public void An_empty_file_is_refused()
    {
        Assert.Contains("empty", Single("").Message);
    }

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ImpClusterSim.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
