using System.Text;
using ImpClusterSim.Cli.Shell;
using ImpClusterSim.Node.Runtime;

namespace ImpClusterSim.Cli.Tests.Shell;

public sealed class ShellLoginTests
{
    [Fact]
    public void Use_shows_the_login_banner_of_the_node_then_its_admin_prompt()
    {
        var output = new StringWriter();
        using var session = new ShellSession(new StringReader("use imp-b-pub\nshow network cluster\n"), output, ShellSettings.Lab());
        var upload = session.Simulation.Operator.Request<AdminReply>("imp-b-pub",
            r => new UploadLoginBanner("legal.txt", [.. Encoding.UTF8.GetBytes("Authorized use only")], r));
        Assert.True(upload!.Accepted);

        session.Run();

        var transcript = output.ToString().ReplaceLineEndings("\n");
        Assert.Contains("impsim> use imp-b-pub\nAuthorized use only\nlogged in to imp-b-pub (admin CLI)", transcript);
        Assert.Contains("admin:show network cluster\n", transcript);
        Assert.Contains("imp-b-sub2", transcript[transcript.IndexOf("admin:show network cluster", StringComparison.Ordinal)..]);
        Assert.Equal("imp-b-pub", session.CurrentNode);
    }
}
