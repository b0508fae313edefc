using System.Collections.Immutable;

namespace ImpClusterSim.Scenarios.Language;

/// <summary>One argument of an operation, fault or condition: its key, type, whether it is required, and its meaning.</summary>
public sealed record ArgSpec(string Key, ArgType Type, bool Required, string Description, ImmutableArray<string> Values = default)
{
    public ImmutableArray<string> Values { get; init; } = Values.IsDefault ? [] : Values;
}
