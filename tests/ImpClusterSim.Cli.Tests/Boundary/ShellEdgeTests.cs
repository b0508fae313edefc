using ImpClusterSim.Cli.Shell;

namespace ImpClusterSim.Cli.Tests.Boundary;

/// <summary>Classes 9 and 11 in the shell: it waits for yes/no, never dies on a line, and bounds 'advance'.</summary>
public sealed class ShellEdgeTests
{
    private static string Transcript(params string[] lines)
    {
        var output = new StringWriter();
        using var session = new ShellSession(new StringReader(string.Join("\n", lines) + "\n"), output, ShellSettings.Lab());
        // The session goes on after every mistake; from a script, a failed line makes the exit code 1.
        var exit = session.Run();
        Assert.Equal(session.Failures > 0 ? 1 : 0, exit);
        return output.ToString().ReplaceLineEndings("\n");
    }

    [Fact]
    public void Set_cert_regen_waits_for_its_answer()
    {
        var t = Transcript("use imp-a-pub", "advance 15m", "show cert own tomcat/tomcat.pem", "set cert regen tomcat", "no",
            "show cert own tomcat/tomcat.pem", "set cert regen tomcat", "perhaps", "yes", "show cert own tomcat/tomcat.pem");
        var pems = t.Split("-----BEGIN CERTIFICATE-----").Skip(1).Select(p => p.Split("-----END CERTIFICATE-----")[0]).ToList();
        Assert.Equal(3, pems.Count);
        Assert.Equal(pems[0], pems[1]); // "no": nothing regenerated
        Assert.NotEqual(pems[1], pems[2]); // "yes": a new certificate
        Assert.Contains("Regeneration of certificate for tomcat cancelled.", t);
        Assert.Equal(3, t.Split("Proceed with regeneration (yes|no)?").Length - 1); // asked twice, and again after 'perhaps'
        Assert.Contains("Successfully regenerated certificate for tomcat.", t);
    }

    [Theory]
    [InlineData("advance ６h", "error: '６h' is not a duration")]
    [InlineData("advance ٥m", "error: '٥m' is not a duration")]
    [InlineData("advance 100000d", "error: 'advance': 100000d is out of range: the horizon must be from 1ms to 400d")]
    [InlineData("skew imp-a-pub ٢h", "error: '٢h' is not an offset")]
    [InlineData("skew imp-a-pub +99999d", "error: 'offset': 99999d is out of range: a clock skew must be from -3650d to 3650d")]
    public void A_bad_value_is_an_error_line_and_the_session_goes_on(string line, string expected)
    {
        var t = Transcript(line, "advance 1m", "status");
        Assert.Contains(expected, t);
        Assert.Contains("now +1m", t);
        Assert.Contains("virtual time +1m", t);
    }

    [Fact]
    public void Advancing_past_the_longest_horizon_in_total_is_refused()
    {
        var t = Transcript("advance 1d", "advance 400d", "status");
        Assert.Contains("error: advancing 400d from +1d goes past the longest horizon, 400d of virtual time in a session", t);
        Assert.Contains("virtual time +1d", t);
    }
}
