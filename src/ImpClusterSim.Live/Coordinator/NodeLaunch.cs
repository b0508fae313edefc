namespace ImpClusterSim.Live.Coordinator;

/// <summary>
/// How to start an <c>impsim node</c> process: the executable (the <c>impsim</c> apphost, or <c>dotnet</c>) and the
/// arguments that come before <c>node ...</c> (the path of <c>impsim.dll</c> when run through <c>dotnet</c>).
/// </summary>
public sealed record NodeLaunch(string FileName, IReadOnlyList<string> Prefix)
{
    /// <summary>
    /// The command of the program whose entry assembly is <paramref name="impsimDll"/>: this process's own executable
    /// when it is the <c>impsim</c> apphost, else <c>dotnet impsim.dll</c> (run with <c>dotnet</c>, or hosted by a
    /// test runner).
    /// </summary>
    public static NodeLaunch For(string impsimDll)
    {
        var process = Environment.ProcessPath;
        if (process is not null && Path.GetFileNameWithoutExtension(process).Equals("impsim", StringComparison.OrdinalIgnoreCase))
            return new NodeLaunch(process, []);
        return new NodeLaunch(DotnetHost(), [impsimDll]);
    }

    /// <summary>The dotnet host: this process if it is one, else the one the SDK names (DOTNET_HOST_PATH), else <c>dotnet</c> on the PATH.</summary>
    private static string DotnetHost()
    {
        var process = Environment.ProcessPath;
        if (process is not null && Path.GetFileNameWithoutExtension(process).Equals("dotnet", StringComparison.OrdinalIgnoreCase)) return process;
        return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
    }
}
