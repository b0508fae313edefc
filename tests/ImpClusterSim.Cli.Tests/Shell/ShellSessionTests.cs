using ImpClusterSim.Cli.Shell;

namespace ImpClusterSim.Cli.Tests.Shell;

/// <summary>The shell driven by a script, as a person would type it; virtual time moves only with 'advance'.</summary>
public sealed class ShellSessionTests
{
    private static string Transcript(params string[] lines)
    {
        var output = new StringWriter();
        using var session = new ShellSession(new StringReader(string.Join("\n", lines) + "\n"), output, ShellSettings.Lab());
        // Errors go to the same writer here, so the transcript shows them where they happened; a failed line makes it 1.
        var exit = session.Run();
        Assert.Equal(session.Failures > 0 ? 1 : 0, exit);
        return output.ToString().ReplaceLineEndings("\n");
    }

    /// <summary>What the shell printed for <paramref name="typed"/>: from its echo after a prompt to the next prompt.</summary>
    private static string ReplyTo(string transcript, string typed)
    {
        var echoed = new[] { "impsim> " + typed + "\n", "admin:" + typed + "\n" }
            .Select(e => (Echo: e, At: transcript.IndexOf(e, StringComparison.Ordinal))).FirstOrDefault(e => e.At >= 0);
        Assert.True(echoed.Echo is not null, $"'{typed}' is not in the transcript:\n{transcript}");
        var after = transcript[(echoed.At + echoed.Echo.Length)..];
        var next = new[] { after.IndexOf("impsim> ", StringComparison.Ordinal), after.IndexOf("admin:", StringComparison.Ordinal) }.Where(i => i >= 0).DefaultIfEmpty(after.Length).Min();
        return after[..next];
    }

    [Fact]
    public void A_node_in_use_answers_cli_lines_and_its_services_have_started_after_fifteen_minutes()
    {
        var transcript = Transcript("use imp-a-pub", "advance 15m", "utils service list", "exit", "status");

        Assert.Contains("logged in to imp-a-pub (admin CLI)", transcript);
        Assert.Contains("admin:utils service list\n", transcript);
        var list = ReplyTo(transcript, "utils service list");
        Assert.Contains("Cisco Tomcat[STARTED]", list);
        Assert.Contains("now +15m", ReplyTo(transcript, "advance 15m"));
        Assert.Contains("logged in to: none", ReplyTo(transcript, "status"));
    }

    [Fact]
    public void A_service_restart_blocks_as_the_real_cli_does_printing_each_status_when_it_is_reached()
    {
        var transcript = Transcript("use imp-a-pub", "advance 15m", "utils service restart Cisco Tomcat", "utils service list");
        var restart = ReplyTo(transcript, "utils service restart Cisco Tomcat");
        var lines = restart.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["Service Manager is running", "Cisco Tomcat[STOPPING]", "Cisco Tomcat[STARTING]", "Cisco Tomcat[STARTED]"], lines[..4]);
        Assert.StartsWith("now +", lines[4]); // the stop and the start took virtual time
        Assert.NotEqual("now +15m", lines[4]);
        Assert.Contains("Cisco Tomcat[STARTED]", ReplyTo(transcript, "utils service list"));
    }

    [Fact]
    public void Before_virtual_time_moves_the_services_are_still_starting()
    {
        var list = ReplyTo(Transcript("use imp-a-pub", "utils service list"), "utils service list");
        Assert.DoesNotContain("Cisco Tomcat[STARTED]", list);
        Assert.Contains("Cisco Tomcat[", list);
    }

    [Fact]
    public void Peered_clusters_show_secure_then_a_partition_makes_both_panels_not_reachable()
    {
        var transcript = Transcript("advance 15m", "peer imp-a imp-b", "advance 10m", "peers", "partition imp-a imp-b", "advance 40m", "peers", "status");

        Assert.Contains("imp-a-pub: Intercluster peer 'imp-b-pub.example.com' added.", ReplyTo(transcript, "peer imp-a imp-b"));
        var partition = ReplyTo(transcript, "partition imp-a imp-b");
        Assert.Contains("partition 'imp-a|imp-b' in force (both ways)", partition);
        Assert.Contains("partition-started", partition);
        Assert.Contains("side-a=imp-a-pub,imp-a-sub1,imp-a-sub2", partition);
        Assert.Contains("now +1h5m", ReplyTo(transcript, "advance 40m"));
        var secure = ReplyTo(transcript, "peers");
        var cut = transcript[transcript.LastIndexOf("peers\n", StringComparison.Ordinal)..];
        Assert.Equal(2, CountOf(secure, "Certificate Status: Connection is secure"));
        Assert.Equal(2, CountOf(cut, "Peer Connectivity Test: Not reachable (Check peer address is valid"));
        Assert.Equal(0, CountOf(cut, "Connection is secure"));
        Assert.Contains("partitions: imp-a|imp-b (both ways)", ReplyTo(transcript, "status"));
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    [Fact]
    public void Mistakes_are_printed_clearly_and_the_session_goes_on()
    {
        var transcript = Transcript("frobnicate", "use nosuch-node", "advance 10x", "skew imp-a-pub soon", "heal", "status");

        Assert.Contains("error: unknown command 'frobnicate'; type 'help'", ReplyTo(transcript, "frobnicate"));
        Assert.Contains("error: unknown node 'nosuch-node'; nodes: cucm-pub", ReplyTo(transcript, "use nosuch-node"));
        Assert.Contains("error: '10x' is not a duration", ReplyTo(transcript, "advance 10x"));
        Assert.Contains("error: 'soon' is not an offset", ReplyTo(transcript, "skew imp-a-pub soon"));
        Assert.Contains("error: no partition is in force", ReplyTo(transcript, "heal"));
        Assert.Contains("virtual time +0s", ReplyTo(transcript, "status"));
    }

    [Fact]
    public void A_crashed_node_is_down_refuses_a_login_and_comes_back_with_restart()
    {
        var transcript = Transcript("crash imp-b-sub2", "status", "use imp-b-sub2", "restart imp-b-sub2", "nodes");

        Assert.Contains("node-crashed", ReplyTo(transcript, "crash imp-b-sub2"));
        Assert.Contains("nodes up 7/8; down: imp-b-sub2", ReplyTo(transcript, "status"));
        Assert.Contains("error: imp-b-sub2 is down: no login", ReplyTo(transcript, "use imp-b-sub2"));
        Assert.Contains("node-started", ReplyTo(transcript, "restart imp-b-sub2"));
        Assert.Matches(@"imp-b-sub2\s+imp-b\s+IM&P\s+subscriber\s+up", ReplyTo(transcript, "nodes"));
    }

    [Fact]
    public void The_same_script_gives_the_same_transcript()
    {
        string[] script = ["use imp-b-pub", "advance 20m", "utils service restart Cisco Tomcat", "exit", "partition imp-a-pub imp-b --one-way", "advance 1h", "peers"];
        Assert.Equal(Transcript(script), Transcript(script));
    }
}
