using System.CommandLine;
using ImpClusterSim.Scenarios.Runner;

namespace ImpClusterSim.Cli.Common;

/// <summary>
/// <c>--jobs N</c>: how many runs play at once, each on its own thread (<see cref="ParallelRuns"/>); the output does not
/// depend on it. Default: the machine's processor count.
/// </summary>
public static class JobsOption
{
    /// <summary>A new <c>--jobs</c> option (one per command).</summary>
    public static Option<int> Create() => new("--jobs")
    {
        Description = "How many runs to play at once, each on its own thread (default: the number of processors); the output does not depend on it",
        DefaultValueFactory = _ => Environment.ProcessorCount,
    };

    /// <summary>The value, or <see cref="UsageException"/> (exit 2) when it is outside 1..<see cref="ParallelRuns.MaxJobs"/>.</summary>
    public static int Check(int jobs) =>
        jobs is >= 1 and <= ParallelRuns.MaxJobs ? jobs : throw new UsageException($"--jobs {jobs} is out of range (1 to {ParallelRuns.MaxJobs})");
}
