using System.Collections.Immutable;

namespace ImpClusterSim.Scenarios.Language;

/// <summary>
/// One operation, fault or condition kind: its kebab-case name, what it does, its arguments, the argument a plain
/// scalar stands for (<c>wait: 5m</c> means <c>wait: {duration: 5m}</c>), and whether it takes a target.
/// </summary>
public sealed record KindSpec(string Name, string Description, ImmutableArray<ArgSpec> Args, string? Primary = null, TargetUse Target = TargetUse.None)
{
    public ArgSpec? Arg(string key) => Args.FirstOrDefault(a => a.Key == key);
}
