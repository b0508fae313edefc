using System.Collections.Immutable;

namespace ImpClusterSim.Scenarios.Language;

/// <summary>
/// One deployment setting: its path under <c>deployment.settings</c> ("timings.icsa-interval"), its value type, its
/// range for durations (virtual time; null for other types), its meaning, and the words of a choice.
/// <see cref="ValueText.Read"/> parses and checks a value of it with the scenario validator's own messages.
/// </summary>
public sealed record SettingSpec(string Path, ArgType Type, DurationBounds? Bounds, string Description, ImmutableArray<string> Values = default)
{
    public ImmutableArray<string> Values { get; init; } = Values.IsDefault ? [] : Values;

    /// <summary>The last part of the path: the key as written in the scenario ("icsa-interval").</summary>
    public string Key => Path[(Path.LastIndexOf('.') + 1)..];
}
