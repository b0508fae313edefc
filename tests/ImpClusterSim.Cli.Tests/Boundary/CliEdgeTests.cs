using ImpClusterSim.Cli.Shell;
using ImpClusterSim.Cli.Tests.Run;

namespace ImpClusterSim.Cli.Tests.Boundary;

/// <summary>Class 8 of issue 10: CLI edges, each with a clear message and the right exit code, decided before the work.</summary>
public sealed class CliEdgeTests : IDisposable
{
    private const string Short = "name: short\nuntil: 10m\ndeployment:\n  topology: lab\nexpect:\n  - at: 5m\n    node-up: imp-a-pub\n";
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("impsim-edges-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Theory]
    [InlineData("run", "")]
    [InlineData("validate", "")]
    [InlineData("pki", "inspect", "")]
    [InlineData("run", "--trace", "")]
    public void An_empty_argument_exits_2_with_a_message(params string[] args)
    {
        var (exit, stdout, stderr) = CliHarness.Invoke(args);
        Assert.Equal(2, exit);
        Assert.Empty(stdout);
        Assert.Contains("is empty", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    [Theory]
    [InlineData("10675199d", "'--until': 10675199d is out of range: the horizon must be from 1ms to 400d")]
    [InlineData("99999d", "'--until': 99999d is out of range")]
    [InlineData("99999999999999999d", "'--until': '99999999999999999d' is out of range: no duration may be longer than 36500d")]
    [InlineData("６h", "--until '６h' is not a duration")]
    public void An_until_beyond_the_maximum_horizon_is_refused_before_the_run(string until, string expected)
    {
        var (exit, stdout, stderr) = CliHarness.Invoke("run", Write("s.yaml", Short), "--until", until);
        Assert.Equal(2, exit);
        Assert.Empty(stdout);
        Assert.Contains(expected, stderr);
    }

    [Fact]
    public void A_campaign_whose_seeds_would_wrap_is_refused()
    {
        var (exit, stdout, stderr) = CliHarness.Invoke("campaign", Write("s.yaml", Short), "--seeds", "2", "--first-seed", ulong.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(2, exit);
        Assert.Empty(stdout);
        Assert.Contains("the last seed would wrap to 0; use a --first-seed of at most 18446744073709551614", stderr);
    }

    [Fact]
    public void A_log_file_that_cannot_be_written_is_refused_before_the_run()
    {
        var (exit, stdout, stderr) = CliHarness.Invoke("run", Write("s.yaml", Short), "--log", _dir.FullName);
        Assert.Equal(2, exit);
        Assert.Empty(stdout);
        Assert.Contains($"--log: cannot write '{_dir.FullName}'", stderr);
    }

    [Fact]
    public void A_trace_to_a_full_disk_ends_the_run_with_its_result_and_exit_2()
    {
        if (!File.Exists("/dev/full")) return;
        var (exit, stdout, stderr) = CliHarness.Invoke("run", Write("s.yaml", Short), "--trace", "/dev/full");
        Assert.Equal(2, exit);
        Assert.Contains("scenario short: PASSED", stdout);
        Assert.Contains("impsim: --trace: cannot write '/dev/full'", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    [Fact]
    public void A_save_scenario_path_that_cannot_be_written_is_refused_before_the_session()
    {
        var script = Write("s.txt", "advance 1m\n");
        var target = Path.Combine(_dir.FullName, "no-such-folder", "x.yaml");
        var (exit, stdout, stderr) = CliHarness.Invoke("shell", "--script", script, "--save-scenario", target);
        Assert.Equal(2, exit);
        Assert.Empty(stdout);
        Assert.Contains("--save-scenario: cannot write", stderr);
    }

    [Fact]
    public void A_recording_that_cannot_be_saved_at_the_end_is_saved_elsewhere_and_the_message_says_where()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        using var session = new ShellSession(new StringReader("advance 5m\ncrash imp-a-sub1\n"), output, ShellSettings.Lab());
        session.Run();
        Assert.False(ShellCommand.Save(session, Path.Combine(_dir.FullName, "gone", "x.yaml"), output, error));
        var message = error.ToString();
        var saved = message[(message.IndexOf("saved in '", StringComparison.Ordinal) + "saved in '".Length)..].Split('\'')[0];
        try
        {
            Assert.Contains("crash", File.ReadAllText(saved));
        }
        finally
        {
            File.Delete(saved);
        }
    }

    [Fact]
    public void A_script_that_is_a_device_is_refused()
    {
        if (!File.Exists("/dev/zero")) return;
        var (exit, _, stderr) = CliHarness.Invoke("shell", "--script", "/dev/zero");
        Assert.Equal(2, exit);
        Assert.Contains("'/dev/zero' is a character device, not a regular file", stderr);
    }
}
