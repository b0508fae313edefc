using ImpClusterSim.Cli.Shell;
using ImpClusterSim.Scenarios.Language;

namespace ImpClusterSim.Cli.Tests.Shell;

/// <summary>help and '?', questions asked in place, tab completion, errors on their own stream, what 'save' keeps.</summary>
public sealed class ShellEditingTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("impsim-shell-editing-");

    public void Dispose() => _dir.Delete(recursive: true);

    private static (int Exit, string Out, string Err, string Yaml) Play(params string[] lines)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        using var session = new ShellSession(new StringReader(string.Join("\n", lines) + "\n"), output, ShellSettings.Lab(), error);
        var exit = session.Run();
        return (exit, output.ToString().ReplaceLineEndings("\n"), error.ToString().ReplaceLineEndings("\n"), session.ScenarioYaml("s"));
    }

    [Fact]
    public void Help_lists_the_modelled_platform_cli_commands_as_well_as_the_simulator_commands()
    {
        var (exit, stdout, stderr, _) = Play("help");
        Assert.Equal(0, exit);
        Assert.Empty(stderr);
        foreach (var usage in new[] { "utils service restart <service name>", "show cert list own|trust", "set cert regen <unit>",
                     "utils dbreplication runtimestate", "utils fips enable|disable|status", "show network cluster", "partition A B [--one-way]", "advance DURATION" })
            Assert.Contains(usage, stdout);
    }

    [Fact]
    public void A_question_mark_lists_how_a_command_goes_on_as_on_the_platform()
    {
        var (exit, stdout, stderr, _) = Play("use imp-a-pub", "utils service ?", "show cert?", "exit", "utils ?", "cr ?", "frob ?");

        var afterService = stdout[stdout.IndexOf("admin:utils service ?\n", StringComparison.Ordinal)..];
        Assert.StartsWith("admin:utils service ?\n  utils service list [page]\n  utils service start <service name>\n  utils service stop <service name>\n  utils service restart <service name>\nadmin:", afterService);
        Assert.Contains("admin:show cert?\n  show cert list own|trust\n  show cert own <unit>/<unit>.pem\nadmin:", stdout);
        // At the shell's own prompt the platform's commands are not typed: 'utils ?' lists nothing, 'cr ?' the crash command.
        Assert.Contains("impsim> cr ?\n  crash NODE\n", stdout);
        Assert.Contains("error: no command begins with 'utils'", stderr);
        Assert.Contains("error: no command begins with 'frob'", stderr);
        Assert.Equal(1, exit);
    }

    [Fact]
    public void The_fips_question_is_asked_in_place_and_an_answer_no_changes_nothing_and_is_saved_as_a_comment()
    {
        var (_, stdout, _, yaml) = Play("use imp-a-pub", "utils fips enable", "no", "utils fips status");

        Assert.Contains("\nDo you want to continue (yes/no)? no\n", stdout);
        Assert.DoesNotContain("admin:no", stdout);
        Assert.Contains("# at 0s on imp-a-pub: 'utils fips enable' was answered 'no'; not replayed", yaml);
        Assert.DoesNotContain("cli: 'no'", yaml);
        Assert.Contains("cli: 'utils fips status'", yaml);
    }

    [Fact]
    public void An_answer_that_is_neither_yes_nor_no_asks_again_and_yes_saves_the_question_line_alone()
    {
        var (_, stdout, _, yaml) = Play("use imp-a-pub", "utils fips enable", "maybe", "yes");

        Assert.Contains("Do you want to continue (yes/no)? maybe\nDo you want to continue (yes/no)? yes\n", stdout);
        Assert.Contains("cli: 'utils fips enable'", yaml);
        Assert.DoesNotContain("cli: 'yes'", yaml);
        Assert.DoesNotContain("cli: 'maybe'", yaml);
        var (scenario, errors) = ScenarioLoader.Parse(yaml, "s.yaml");
        Assert.True(errors.IsEmpty, string.Join("\n", errors));
        Assert.Single(scenario!.Steps);
    }

    [Fact]
    public void A_refused_cli_line_fails_the_script_is_on_the_error_stream_and_is_saved_as_a_comment()
    {
        var (exit, stdout, stderr, yaml) = Play("use imp-a-pub", "utils servce list", "utils service list");

        Assert.Equal(1, exit);
        Assert.Contains("admin:utils servce list\nExecuted command unsuccessfully\n", stdout);
        Assert.Contains("error: imp-a-pub refused 'utils servce list': Executed command unsuccessfully", stderr);
        Assert.DoesNotContain("error:", stdout);
        Assert.Contains("# at 0s on imp-a-pub: 'utils servce list' was refused (Executed command unsuccessfully); not replayed", yaml);
        var (scenario, errors) = ScenarioLoader.Parse(yaml, "s.yaml");
        Assert.True(errors.IsEmpty, string.Join("\n", errors));
        Assert.Equal("utils service list", Assert.IsType<CliCommand>(Assert.Single(scenario!.Steps).Operation).Command);
    }

    [Fact]
    public void A_restart_after_a_crash_is_saved_as_the_crash_coming_back_at_the_same_instant_and_replays_so()
    {
        var (_, _, _, yaml) = Play("advance 5m", "crash imp-b-sub2", "advance 7m", "restart imp-b-sub2", "restart imp-a-sub1", "advance 1m");

        Assert.Contains("{ at: 5m, crash: { node: 'imp-b-sub2', restart-after: 7m } }", yaml);
        Assert.Contains("{ at: 12m, crash: { node: 'imp-a-sub1', restart-after: 0s } }", yaml);
        Assert.DoesNotContain("restart-node", yaml);
        var (scenario, errors) = ScenarioLoader.Parse(yaml, "s.yaml");
        Assert.True(errors.IsEmpty, string.Join("\n", errors) + "\n" + yaml);

        var outcome = Scenarios.Runner.ScenarioRunner.Run(scenario!, new Scenarios.Runner.ScenarioRunOptions { Seed = 1 });
        var started = outcome.Events.Where(e => e.Event == "node-started" && e.Node is "imp-b-sub2" or "imp-a-sub1" && e.Time > outcome.Start)
            .Select(e => $"{e.Node} +{Domain.Time.DurationText.Format(e.Time - outcome.Start)}").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["imp-a-sub1 +12m", "imp-b-sub2 +12m"], started);
    }

    [Fact]
    public void The_shell_command_with_a_script_exits_1_when_a_line_fails_with_the_error_and_its_line_on_stderr()
    {
        var script = Path.Combine(_dir.FullName, "session.txt");
        File.WriteAllLines(script, ["status", "frobnicate", "status"]);
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = ImpsimCommand.Invoke(["shell", "--script", script], output, error);

        Assert.Equal(1, exit);
        Assert.Contains($"error: {script}:2: unknown command 'frobnicate'", error.ToString());
        Assert.DoesNotContain("error:", output.ToString());
        Assert.Equal(2, output.ToString().Split("virtual time +0s").Length - 1);
    }

    [Fact]
    public void A_script_without_failures_exits_0()
    {
        var script = Path.Combine(_dir.FullName, "ok.txt");
        File.WriteAllLines(script, ["status", "advance 1m"]);
        var error = new StringWriter();
        Assert.Equal(0, ImpsimCommand.Invoke(["shell", "--script", script], new StringWriter(), error));
        Assert.Empty(error.ToString());
    }

    [Fact]
    public void A_mistyped_simulator_command_gets_a_suggestion()
    {
        var (_, _, stderr, _) = Play("advnce 5m");
        Assert.Contains("error: unknown command 'advnce'; did you mean 'advance'?", stderr);
    }
}
