using System.Collections.Immutable;

namespace ImpClusterSim.Scenarios.Chaos;

/// <summary>
/// The swarm dimensions of the generator (docs/chaos.md, "The generator"): each is switched on or off per run. Every
/// name is a fault of the scenario language, except <see cref="ClockJump"/>, which the language writes as a
/// <c>clock-skew</c> of a day or more.
/// </summary>
public static class ChaosFaultKinds
{
    public const string Partition = "partition";
    public const string Link = "link";
    public const string Crash = "crash";
    public const string RestartNode = "restart-node";
    public const string ServiceStop = "service-stop";
    public const string ServiceKill = "service-kill";
    public const string ClockSkew = "clock-skew";
    public const string ClockJump = "clock-jump";
    public const string FipsSelfTest = "fips-selftest-failure";
    public const string NameResolution = "name-resolution";
    public const string DiskFailure = "disk-failure";

    /// <summary>Every kind, in the order the generator draws them (changing the order changes every schedule).</summary>
    public static ImmutableArray<string> All { get; } =
        [Partition, Link, Crash, RestartNode, ServiceStop, ServiceKill, ClockSkew, ClockJump, FipsSelfTest, NameResolution, DiskFailure];

    /// <summary>
    /// Parses a comma-separated list (`--faults`): the kinds, or the error naming the unknown or empty item (an empty
    /// item, as in "partition,,crash" or "crash,", is a typo, not a kind to skip).
    /// </summary>
    public static (ImmutableArray<string> Kinds, string? Error) Parse(string text)
    {
        var kinds = text.Split(',', StringSplitOptions.TrimEntries);
        if (kinds.All(k => k.Length == 0)) return ([], "--faults: give at least one fault kind: " + string.Join(", ", All));
        for (var i = 0; i < kinds.Length; i++)
        {
            if (kinds[i].Length == 0)
                return ([], $"--faults '{text}': item {i + 1} is empty; give fault kinds separated by single commas: {string.Join(", ", All)}");
            if (!All.Contains(kinds[i]))
                return ([], $"--faults: unknown fault kind '{kinds[i]}'{Domain.Text.Spelling.DidYouMean(kinds[i], All)}; kinds: {string.Join(", ", All)}");
        }

        return ([.. All.Where(kinds.Contains)], null);
    }
}
