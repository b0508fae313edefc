using System.CommandLine;
using ImpClusterSim.Scenarios.Runner;

namespace ImpClusterSim.Cli.Common;

/// <summary>
/// <c>--jobs N</c>: how many runs play at once, each on its own thread (<see cref="ParallelRuns"/>); the output does not
/// depend on it. Default: the machine's processor count.
/// </summary>
public static class JobsOption
{
    /// <summary>
    /// A new <c>--jobs</c> option (one per command); a value outside 1..<see cref="ParallelRuns.MaxJobs"/> is refused while
    /// parsing (<see cref="NumberOptions"/>). <paramref name="defaultValue"/>: the machine's processor count unless given.
    /// </summary>
    public static Option<int> Create(int? defaultValue = null, string? description = null)
    {
        var option = NumberOptions.Whole("--jobs",
            description ?? "How many runs to play at once, each on its own thread (default: the number of processors); the output does not depend on it",
            0, 1, ParallelRuns.MaxJobs);
        option.DefaultValueFactory = _ => defaultValue ?? Environment.ProcessorCount;
        return option;
    }

    /// <summary>
    /// The value, or <see cref="UsageException"/> (exit 2) when it is outside 1..<see cref="ParallelRuns.MaxJobs"/>: a value
    /// given is checked while parsing, the default (the processor count) only here.
    /// </summary>
    public static int Check(int jobs) =>
        jobs is >= 1 and <= ParallelRuns.MaxJobs ? jobs : throw new UsageException($"--jobs {jobs} is out of range (1 to {ParallelRuns.MaxJobs})");
}
