using System.CommandLine;
using ImpClusterSim.Cli.Common;
using ImpClusterSim.Domain.Topology;

namespace ImpClusterSim.Cli.Shell;

/// <summary>
/// `impsim shell [--topology FILE|NAME] [--seed N] [--script FILE] [--save-scenario FILE]`: an interactive console on a
/// simulated deployment (docs/shell.md). Reads commands from standard input, or from a script.
/// </summary>
public static class ShellCommand
{
    public static Command Create()
    {
        var topology = new Option<string>("--topology") { Description = "An embedded topology (lab, two-clusters, default) or a topology YAML file", DefaultValueFactory = _ => "lab" };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the run", DefaultValueFactory = _ => 1 };
        var script = new Option<FileInfo?>("--script") { Description = "Read the commands from this file instead of standard input" };
        var save = new Option<FileInfo?>("--save-scenario") { Description = "When the session ends, save what was typed as a scenario YAML file" };
        var command = new Command("shell", "An interactive console on a simulated deployment: node CLIs, virtual time and faults")
        {
            topology, seed, script, save,
        };
        command.SetAction(parse => Execute(
            parse.GetValue(topology)!,
            parse.GetValue(seed),
            parse.GetValue(script),
            parse.GetValue(save),
            parse.InvocationConfiguration.Output));
        return command;
    }

    private static int Execute(string topology, ulong seed, FileInfo? script, FileInfo? save, TextWriter output)
    {
        if (script is { Exists: false }) throw new UsageException($"--script '{script}' not found");
        var settings = new ShellSettings(LoadTopology(topology, out var reference), reference, seed, Echo: script is not null || Console.IsInputRedirected);
        using var input = script is null ? null : File.OpenText(script.FullName);
        using var session = new ShellSession(input ?? Console.In, output, settings);
        var code = session.Run();
        if (save is not null)
        {
            session.SaveScenario(save.FullName);
            output.WriteLine($"saved the session as a scenario: {save}");
        }
        return code;
    }

    /// <summary>An embedded topology by name, or a file (named by its full path in a saved scenario).</summary>
    private static Deployment LoadTopology(string topology, out string reference)
    {
        if (TopologyLoader.EmbeddedNames.Contains(topology))
        {
            reference = topology;
            return TopologyLoader.LoadEmbedded(topology);
        }
        if (!File.Exists(topology))
            throw new UsageException($"--topology '{topology}' is neither an embedded topology ({string.Join(", ", TopologyLoader.EmbeddedNames)}) nor a file");
        reference = Path.GetFullPath(topology);
        try
        {
            return TopologyLoader.LoadFile(topology);
        }
        catch (TopologyException e)
        {
            throw new UsageException(e.Message);
        }
    }
}
