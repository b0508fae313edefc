namespace ImpClusterSim.Cli.Tests.Common;

/// <summary>The repository's root folder, found from the test assembly's folder upwards (it holds the impsim script).</summary>
internal static class RepoRoot
{
    public static string Path { get; } = Find();

    public static string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "ImpClusterSim.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("the repository root (with ImpClusterSim.sln) is not above " + AppContext.BaseDirectory);
    }
}
