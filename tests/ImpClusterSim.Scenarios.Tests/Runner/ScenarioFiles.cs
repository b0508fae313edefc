using ImpClusterSim.Scenarios.Language;

namespace ImpClusterSim.Scenarios.Tests.Runner;

/// <summary>The repository's scenario files (found from the test assembly up to ImpClusterSim.sln), loaded.</summary>
internal static class ScenarioFiles
{
    public static string Root { get; } = FindRoot();

    public static string ScenariosFolder => Path.Combine(Root, "scenarios");

    /// <summary>Every scenario file under scenarios/, recursively, relative to scenarios/ with '/' separators, sorted.</summary>
    public static IReadOnlyList<string> All() =>
        Directory.EnumerateFiles(ScenariosFolder, "*.yaml", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(ScenariosFolder, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToArray();

    public static Scenario Load(string relative)
    {
        var (scenario, errors) = ScenarioLoader.Load(Path.Combine(ScenariosFolder, relative));
        Assert.True(errors.IsEmpty, string.Join("\n", errors));
        return scenario!;
    }

    public static Scenario Parse(string yaml, string file = "inline.yaml")
    {
        var (scenario, errors) = ScenarioLoader.Parse(yaml, file, ScenariosFolder);
        Assert.True(errors.IsEmpty, string.Join("\n", errors));
        return scenario!;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ImpClusterSim.sln"))) return dir.FullName;
        throw new InvalidOperationException("ImpClusterSim.sln not found above " + AppContext.BaseDirectory);
    }
}
