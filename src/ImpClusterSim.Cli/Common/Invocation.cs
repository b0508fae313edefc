namespace ImpClusterSim.Cli.Common;

/// <summary>
/// How the user started impsim, so that every command the tool prints (a run's replay line, a campaign's failing
/// seeds) works when pasted into the same shell: the repository's <c>./impsim</c> script says how it was typed
/// (<c>IMPSIM_INVOKED_AS</c>); otherwise the program path itself, or <c>dotnet impsim.dll</c>.
/// </summary>
public static class Invocation
{
    /// <summary>The environment variable the <c>impsim</c> script at the repository root sets to the path it was run as.</summary>
    public const string VariableName = "IMPSIM_INVOKED_AS";

    /// <summary>The command prefix that runs this program again, e.g. <c>./impsim</c>.</summary>
    public static string Program { get; } = Find();

    /// <summary><see cref="Program"/> followed by the arguments, each quoted for a POSIX shell where it needs it.</summary>
    public static string CommandLine(IEnumerable<string> arguments) =>
        string.Join(' ', new[] { Program }.Concat(arguments.Select(ShellWords.Quote)));

    private static string Find()
    {
        if (Environment.GetEnvironmentVariable(VariableName) is { Length: > 0 } typed) return ShellWords.Quote(typed);
        var process = Environment.ProcessPath;
        if (process is null) return "impsim";
        var name = Path.GetFileNameWithoutExtension(process);
        if (name == "impsim")
        {
            // Installed on PATH (e.g. as a .NET tool) under its own name: the short form works.
            var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Select(d => Path.Combine(d, Path.GetFileName(process)))
                .FirstOrDefault(File.Exists);
            return onPath is not null && Path.GetFullPath(onPath) == Path.GetFullPath(process) ? "impsim" : ShellWords.Quote(process);
        }
        // Started as `dotnet impsim.dll` (or by a test host): name the assembly.
        var assembly = typeof(Invocation).Assembly.Location;
        return name == "dotnet" && assembly.Length > 0 ? "dotnet " + ShellWords.Quote(assembly) : "impsim";
    }
}
