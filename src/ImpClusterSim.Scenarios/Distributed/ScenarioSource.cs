using ImpClusterSim.Scenarios.BuiltIn;
using ImpClusterSim.Scenarios.Language;

namespace ImpClusterSim.Scenarios.Distributed;

/// <summary>
/// A scenario as text with the name it is read under (in every check's file:line:column) and the folder its relative
/// paths start from: what a coordinator ships to its workers so that they read exactly what it read.
/// </summary>
public sealed record ScenarioSource(string Yaml, string File, string? BaseDirectory)
{
    /// <summary>The embedded default scenario, read as <c>impsim run</c> reads it.</summary>
    public static ScenarioSource Default() => new(DefaultScenario.Yaml(), "(embedded) " + DefaultScenario.FileName, null);

    /// <summary>A scenario file, read as <see cref="ScenarioLoader.Load"/> reads it; null when it cannot be read (the loader says why).</summary>
    public static ScenarioSource? Read(string path) =>
        Domain.Input.InputFile.TryReadText(path, Domain.Input.InputFile.MaxTextBytes, out var text, out _)
            ? new ScenarioSource(text, path, Path.GetDirectoryName(Path.GetFullPath(path)))
            : null;

    public (Scenario? Scenario, System.Collections.Immutable.ImmutableArray<ScenarioError> Errors) Parse() => ScenarioLoader.Parse(Yaml, File, BaseDirectory);
}
