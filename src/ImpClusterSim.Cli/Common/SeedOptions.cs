using System.CommandLine;

namespace ImpClusterSim.Cli.Common;

/// <summary>
/// <c>--seeds N</c> and <c>--first-seed S</c> of <c>campaign</c>, <c>sweep</c> and <c>chaos</c>: seeds S, S+1, ..., S+N-1.
/// N out of its range is refused while parsing (<see cref="NumberOptions"/>); a range that passes the largest seed is
/// refused by <see cref="CheckRange"/> instead of wrapping to seed 0.
/// </summary>
public static class SeedOptions
{
    /// <summary>A new <c>--seeds</c> option of 1 to <paramref name="max"/> (one per command).</summary>
    public static Option<int> Count(string description, int defaultValue, int max) => NumberOptions.Whole("--seeds", description, defaultValue, 1, max);

    /// <summary>A new <c>--first-seed</c> option, default 1 (one per command).</summary>
    public static Option<ulong> First() => new("--first-seed") { Description = "The first seed (then +1 each run)", DefaultValueFactory = _ => 1 };

    /// <summary><see cref="UsageException"/> (exit 2) when seeds <paramref name="first"/> to first + count - 1 pass <see cref="ulong.MaxValue"/>.</summary>
    public static void CheckRange(int count, ulong first)
    {
        if (count >= 1 && first > ulong.MaxValue - (ulong)(count - 1))
            throw new UsageException($"--first-seed {first} with --seeds {count} goes past the largest seed, {ulong.MaxValue}: the last seed would wrap to 0; " +
                                     $"use a --first-seed of at most {ulong.MaxValue - (ulong)(count - 1)}");
    }
}
