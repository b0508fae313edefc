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

    /// <summary>Parses a comma-separated list (`--faults`): the kinds, or the error naming the unknown one.</summary>
    public static (ImmutableArray<string> Kinds, string? Error) Parse(string text)
    {
        var kinds = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (kinds.Length == 0) return ([], "--faults: give at least one fault kind: " + string.Join(", ", All));
        foreach (var k in kinds)
            if (!All.Contains(k))
                return ([], $"--faults: unknown fault kind '{k}'; kinds: {string.Join(", ", All)}");
        return ([.. All.Where(kinds.Contains)], null);
    }
}
