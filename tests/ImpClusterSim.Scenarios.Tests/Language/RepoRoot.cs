namespace ImpClusterSim.Scenarios.Tests.Language;

/// <summary>The repository's root folder, found from the test assembly's folder upwards.</summary>
internal static class RepoRoot
{
    public static string Path { get; } = Find();

    public static string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "docs", "scenario.schema.json"))
                || Directory.Exists(System.IO.Path.Combine(dir.FullName, "scenarios", "examples")))
                return dir.FullName;
        }

        return "/work/main";
    }
}
