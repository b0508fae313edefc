using ImpClusterSim.Cli.Shell;

namespace ImpClusterSim.Cli.Tests.Shell;

public sealed class ShellCompletionTests
{
    private static readonly ShellCompletion AtShell = new(["cucm-pub", "imp-a-pub", "imp-a-sub1", "imp-b-pub"], ["cucm", "imp-a", "imp-b"], ["imp-a", "imp-b"], [], AtNode: false);

    private static readonly ShellCompletion AtNode = AtShell with
    {
        AtNode = true,
        Services = ["Cisco Tomcat", "Cisco Intercluster Sync Agent", "Cisco XCP Router", "Cisco Tomcat Stats Servlet"],
    };

    [Fact]
    public void The_first_word_completes_to_simulator_commands_and_at_a_node_also_to_the_platform_cli()
    {
        Assert.Equal(["partition", "peer", "peers"], AtShell.Complete("", "p"));
        Assert.DoesNotContain("utils", AtShell.Complete("", "u"));
        Assert.Equal(["use", "utils"], AtNode.Complete("", "u"));
        Assert.Equal(["set", "show", "skew", "status"], AtNode.Complete("", "s").Where(c => c != "save"));
    }

    [Fact]
    public void Nodes_clusters_and_im_p_clusters_complete_where_a_command_takes_them()
    {
        Assert.Equal(["imp-a-pub", "imp-a-sub1"], AtShell.Complete("use ", "imp-a"));
        Assert.Equal(["imp-b-pub"], AtShell.Complete("crash ", "imp-b"));
        Assert.Equal(["imp-a", "imp-a-pub", "imp-a-sub1"], AtShell.Complete("partition cucm ", "imp-a"));
        Assert.Equal(["--one-way"], AtShell.Complete("partition imp-a imp-b ", ""));
        Assert.Equal(["imp-a", "imp-b"], AtShell.Complete("peer ", ""));
    }

    [Fact]
    public void The_platform_cli_completes_keyword_by_keyword_and_service_names_word_by_word()
    {
        Assert.Equal(["dbreplication", "fips", "service"], AtNode.Complete("utils ", ""));
        Assert.Equal(["list", "restart", "start", "stop"], AtNode.Complete("utils service ", ""));
        Assert.Equal(["page"], AtNode.Complete("utils service list ", ""));
        Assert.Equal(["own", "trust"], AtNode.Complete("show cert list ", ""));
        Assert.Equal(["Cisco"], AtNode.Complete("utils service restart ", "Ci"));
        Assert.Equal(["Intercluster", "Tomcat", "XCP"], AtNode.Complete("utils service restart Cisco ", ""));
        Assert.Equal(["Stats"], AtNode.Complete("utils service restart cisco tomcat ", ""));
        Assert.Empty(AtNode.Complete("utils service restart Cisco Tomcat Stats Servlet ", ""));
    }
}
