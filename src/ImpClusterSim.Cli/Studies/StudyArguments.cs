using System.Collections.Immutable;
using System.Globalization;
using ImpClusterSim.Cli.Common;
using ImpClusterSim.Scenarios.Studies;

namespace ImpClusterSim.Cli.Studies;

/// <summary>What campaign and sweep share: the seed range check, the axes of --set, the reproducing command, the report.</summary>
internal static class StudyArguments
{
    public const int MaxSeeds = 100_000;

    /// <summary>The seeds option of campaign and sweep: 1 to <see cref="MaxSeeds"/>.</summary>
    public static System.CommandLine.Option<int> SeedsOption(string description) => SeedOptions.Count(description, 20, MaxSeeds);

    /// <summary>The sweep's axes from its --set arguments; every malformed one is bad input (exit 2).</summary>
    public static ImmutableArray<SweepAxis> Axes(IEnumerable<string>? arguments)
    {
        var axes = ImmutableArray.CreateBuilder<SweepAxis>();
        var errors = new List<string>();
        foreach (var argument in arguments ?? [])
        {
            var (axis, error) = SweepAxis.Parse(argument);
            if (error is not null) errors.Add(error);
            else axes.Add(axis!);
        }

        if (errors.Count > 0) throw new UsageException(string.Join(Environment.NewLine + "impsim: ", errors));
        return axes.ToImmutable();
    }

    /// <summary>The command that reproduces a study (without --jobs, which does not change the result).</summary>
    public static string Command(string verb, FileInfo? file, IEnumerable<string> sets, int seeds, ulong first)
    {
        var parts = new List<string> { Invocation.Program, verb };
        if (file is not null) parts.Add(file.ToString());
        parts.AddRange(sets.Select(s => "--set " + SetOptions.Quote(s)));
        parts.Add("--seeds " + seeds.ToString(CultureInfo.InvariantCulture));
        if (first != 1) parts.Add("--first-seed " + first.ToString(CultureInfo.InvariantCulture));
        return string.Join(' ', parts);
    }

    public static void WriteReport(DirectoryInfo directory, SweepSummary sweep, string command)
    {
        try
        {
            StudyReport.Write(sweep, directory.FullName, command);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot write the report into '{directory.FullName}': {e.Message}");
        }
    }
}
