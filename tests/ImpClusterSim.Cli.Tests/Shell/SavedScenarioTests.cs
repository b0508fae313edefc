using ImpClusterSim.Cli.Shell;
using ImpClusterSim.Scenarios.Language;

namespace ImpClusterSim.Cli.Tests.Shell;

/// <summary>What was typed in the shell, saved as a scenario, is a scenario that impsim validate accepts.</summary>
public sealed class SavedScenarioTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("impsim-shell-");

    public void Dispose() => _dir.Delete(recursive: true);

    private static readonly string[] Script =
    [
        "advance 15m",
        "use imp-a-pub",
        "utils service list",
        "exit",
        "partition imp-a imp-b --one-way",
        "advance 40m",
        "heal imp-a|imp-b",
        "skew imp-b-sub1 -2h",
        "crash imp-a-sub2",
        "advance 5m",
        "restart imp-a-sub2",
        "partition cucm imp-b-pub",
        "heal",
    ];

    [Fact]
    public void A_saved_session_validates_with_its_cli_steps_and_faults_at_the_times_they_were_typed()
    {
        var path = Path.Combine(_dir.FullName, "lab-session.yaml");
        var output = new StringWriter();
        using (var session = new ShellSession(new StringReader(string.Join("\n", [.. Script, $"save {path}"])), output, ShellSettings.Lab(seed: 9)))
            session.Run();
        Assert.Contains($"saved 1 steps and 6 faults to {path}", output.ToString());

        var (scenario, errors) = ScenarioLoader.Load(path);

        Assert.True(errors.IsEmpty, string.Join("\n", errors) + "\n" + File.ReadAllText(path));
        Assert.Equal("lab-session", scenario!.Name);
        Assert.Equal(9UL, scenario.Seed);
        var step = Assert.Single(scenario.Steps);
        Assert.Equal(TimeSpan.FromMinutes(15), step.At);
        Assert.Equal("imp-a-pub", Assert.Single(step.Target!.Nodes));
        // The restart of the crashed node is the crash's restart-after: it comes back at +60m, as it did in the shell.
        Assert.Equal(6, scenario.Faults.Length);
        Assert.Equal(
            [TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(55), TimeSpan.FromMinutes(55), TimeSpan.FromMinutes(55), TimeSpan.FromMinutes(60), TimeSpan.FromMinutes(60)],
            scenario.Faults.Select(f => f.At));
        var crash = Assert.IsType<Crash>(scenario.Faults[3].Action);
        Assert.Equal(TimeSpan.FromMinutes(5), crash.RestartAfter);
    }

    [Fact]
    public void The_shell_command_reads_a_script_and_saves_the_scenario_when_it_ends()
    {
        var script = Path.Combine(_dir.FullName, "session.txt");
        var saved = Path.Combine(_dir.FullName, "saved.yaml");
        File.WriteAllLines(script, Script);
        var output = new StringWriter();

        var exit = ShellCommand.Create().Parse(["--script", script, "--save-scenario", saved, "--seed", "3"])
            .Invoke(new System.CommandLine.InvocationConfiguration { Output = output, Error = new StringWriter() });

        Assert.Equal(0, exit);
        Assert.Contains("admin:utils service list", output.ToString());
        var (scenario, errors) = ScenarioLoader.Load(saved);
        Assert.True(errors.IsEmpty, string.Join("\n", errors) + "\n" + File.ReadAllText(saved));
        Assert.Equal(3UL, scenario!.Seed);
    }
}
