using System.CommandLine;
using System.Collections.Immutable;
using ImpClusterSim.Scenarios.Language;
using ImpClusterSim.Scenarios.Overrides;

namespace ImpClusterSim.Cli.Common;

/// <summary>
/// The <c>--set KEY=VALUE</c> option shared by <c>run</c>, <c>campaign</c> and <c>chaos</c> (docs/timing-studies.md):
/// repeatable; every bad key or value is printed on standard error and the command exits with 2, running nothing.
/// </summary>
public static class SetOptions
{
    /// <summary>The words a replay command needs to give the same overrides: --set 'KEY=VALUE' for each.</summary>
    public static string ReplayWords(IEnumerable<SettingOverride> overrides) => SettingOverride.ReplayWords(overrides);

    internal static string Quote(string text) => SettingOverride.Quote(text);

    /// <summary>A new <c>--set</c> option (one per command: System.CommandLine options belong to one command).</summary>
    public static Option<string[]> Create() => new("--set")
    {
        Description = "Override a scenario setting, e.g. --set timings.icsa-interval=10m (repeatable; keys as under deployment.settings: " +
                      "timings.*, network.*, key-algorithm)",
        AllowMultipleArgumentsPerToken = false,
        Arity = ArgumentArity.ZeroOrMore,
    };

    /// <summary>
    /// Parses the option's arguments; on any error throws <see cref="UsageException"/> naming every bad argument (exit 2).
    /// </summary>
    public static ImmutableArray<SettingOverride> Parse(IEnumerable<string>? arguments)
    {
        var (overrides, errors) = SettingOverrides.ParseAll(arguments ?? []);
        Fail(errors);
        return overrides;
    }

    /// <summary>The scenario with the overrides applied; a bad value throws <see cref="UsageException"/> saying why (exit 2).</summary>
    public static Scenario Apply(Scenario scenario, IReadOnlyList<SettingOverride> overrides)
    {
        var (result, errors) = SettingOverrides.Apply(scenario, overrides);
        Fail(errors);
        return result!;
    }

    private static void Fail(ImmutableArray<string> errors)
    {
        if (errors.IsEmpty) return;
        throw new UsageException(string.Join(Environment.NewLine + "impsim: ", errors));
    }
}
