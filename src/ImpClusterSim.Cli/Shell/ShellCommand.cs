using System.CommandLine;
using ImpClusterSim.Cli.Common;
using ImpClusterSim.Domain.Input;
using ImpClusterSim.Domain.Topology;

namespace ImpClusterSim.Cli.Shell;

/// <summary>
/// `impsim shell [--topology FILE|NAME] [--seed N] [--script FILE] [--save-scenario FILE]`: an interactive console on a
/// simulated deployment (docs/shell.md). Reads commands from standard input, or from a script; errors go to standard
/// error, and a script or piped input with a failed line exits 1.
/// </summary>
public static class ShellCommand
{
    public static Command Create()
    {
        var topology = new Option<string>("--topology") { Description = "An embedded topology (lab, two-clusters, default) or a topology YAML file", DefaultValueFactory = _ => "lab" };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the run", DefaultValueFactory = _ => 1 };
        var script = new Option<FileInfo?>("--script") { Description = "Read the commands from this file instead of standard input" };
        var save = new Option<FileInfo?>("--save-scenario") { Description = "When the session ends, save what was typed as a scenario YAML file" };
        var connect = new Option<string?>("--connect") { Description = "HOST:PORT of a node process of a live deployment left running by `impsim live --keep`: node CLIs and status there" };
        var command = new Command("shell", "An interactive console on a simulated deployment (node CLIs, virtual time and faults), or on a live one with --connect")
        {
            topology, seed, script, save, connect,
        };
        command.SetAction(parse => parse.GetValue(connect) is { } address
            ? Connect(address, parse, topology, seed, script, save)
            : Execute(
            parse.GetValue(topology)!,
            parse.GetValue(seed),
            parse.GetValue(script),
            parse.GetValue(save),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error));
        return command;
    }

    private static int Connect(string address, System.CommandLine.ParseResult parse, Option<string> topology, Option<ulong> seed, Option<FileInfo?> script, Option<FileInfo?> save)
    {
        if (parse.GetResult(topology) is { Implicit: false } || parse.GetResult(seed) is { Implicit: false } || parse.GetValue(save) is not null)
            throw new UsageException("--connect attaches to a running live deployment: --topology, --seed and --save-scenario belong to a simulated session");
        var file = parse.GetValue(script);
        if (file is { Exists: false }) throw new UsageException($"--script '{file}' not found");
        string? scriptText = null;
        if (file is not null && !InputFile.TryReadText(file.FullName, InputFile.MaxTextBytes, out scriptText, out var scriptError))
            throw new UsageException($"--script: {scriptError}");
        using var input = scriptText is null ? null : new StringReader(scriptText);
        return LiveShell.Run(address, input ?? Console.In, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error,
            echo: file is not null || Console.IsInputRedirected);
    }

    private static int Execute(string topology, ulong seed, FileInfo? script, FileInfo? save, TextWriter output, TextWriter error)
    {
        if (script is { Exists: false }) throw new UsageException($"--script '{script}' not found");
        string? scriptText = null;
        if (script is not null && !InputFile.TryReadText(script.FullName, InputFile.MaxTextBytes, out scriptText, out var scriptError))
            throw new UsageException($"--script: {scriptError}");
        // Decided before the session starts: a recording that cannot be saved where asked would be lost at the end.
        if (save is not null && CannotWrite(save.FullName) is { } saveError) throw new UsageException($"--save-scenario: {saveError}");
        var settings = new ShellSettings(LoadTopology(topology, out var reference), reference, seed,
            Echo: script is not null || Console.IsInputRedirected, Script: script?.ToString());
        using var input = scriptText is null ? null : new StringReader(scriptText);
        using var session = new ShellSession(input ?? Console.In, output, settings, error);
        // A person at a terminal gets line editing, history and Tab completion; a script, a pipe or a test reads plain lines.
        var atTerminal = input is null && !Console.IsInputRedirected && !Console.IsOutputRedirected
                         && Spectre.Console.AnsiConsole.Console is var console && EditorLines.Supported(console);
        var code = atTerminal ? session.Run(new EditorLines(Spectre.Console.AnsiConsole.Console)) : session.Run();
        if (save is not null) return Save(session, save.FullName, output, error) ? code : ExitCodes.BadInput;
        return code;
    }

    /// <summary>
    /// Saves the recording; if the file cannot be written after all (the disk filled, the folder went away), it is
    /// written to the temporary folder instead and the message says where: a session is never lost.
    /// </summary>
    public static bool Save(ShellSession session, string path, TextWriter output, TextWriter error)
    {
        try
        {
            session.SaveScenario(path);
            output.WriteLine($"saved the session as a scenario: {path}");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var fallback = Path.Combine(Path.GetTempPath(), $"impsim-session-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Environment.ProcessId}.yaml");
            try
            {
                File.WriteAllText(fallback, session.ScenarioYaml(Path.GetFileNameWithoutExtension(path)));
                error.WriteLine($"impsim: --save-scenario: cannot write '{path}': {e.Message}; the session is saved in '{fallback}' instead");
            }
            catch (Exception again) when (again is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"impsim: --save-scenario: cannot write '{path}' ({e.Message}) nor '{fallback}' ({again.Message}); the session follows:");
                output.WriteLine(session.ScenarioYaml(Path.GetFileNameWithoutExtension(path)));
            }

            return false;
        }
    }

    /// <summary>Why <paramref name="path"/> cannot be written (tried without changing an existing file), or null.</summary>
    private static string? CannotWrite(string path)
    {
        try
        {
            if (Directory.Exists(path)) return $"'{path}' is a directory";
            var existed = File.Exists(path);
            using (new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete))
            {
            }

            if (!existed) File.Delete(path);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return $"cannot write '{path}': {e.Message}";
        }
    }

    /// <summary>An embedded topology by name, or a file (named by its full path in a saved scenario).</summary>
    private static Deployment LoadTopology(string topology, out string reference)
    {
        (reference, var deployment) = TopologyArgument.Resolve(topology);
        return deployment;
    }
}
