namespace ImpClusterSim.Live.Coordinator;

/// <summary>
/// How to start an <c>impsim node</c> process: the executable (the <c>impsim</c> apphost, or <c>dotnet</c>) and the
/// arguments that come before <c>node ...</c> (e.g. the path of <c>impsim.dll</c>).
/// </summary>
public sealed record NodeLaunch(string FileName, IReadOnlyList<string> Prefix)
{
    /// <summary>The command of this very process (run as <c>impsim</c> or as <c>dotnet impsim.dll</c>).</summary>
    public static NodeLaunch OfThisProcess(string entryAssemblyPath)
    {
        var process = Environment.ProcessPath ?? "dotnet";
        var isDotnetHost = Path.GetFileNameWithoutExtension(process).Equals("dotnet", StringComparison.OrdinalIgnoreCase);
        return isDotnetHost ? new NodeLaunch(process, [entryAssemblyPath]) : new NodeLaunch(process, []);
    }

    /// <summary><c>dotnet PATH/impsim.dll</c>: for tests that start node processes from the build output.</summary>
    public static NodeLaunch Dll(string impsimDll) => new(Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : "dotnet", [impsimDll]);
}
