using ImpClusterSim.Domain.Time;

namespace ImpClusterSim.Cli.Run;

/// <summary>
/// Progress of a long run on a terminal: one line on standard error, rewritten in place at most twice a wall second
/// ("run: +3d of 400d virtual (0.8%)"). Nothing when standard error is not a terminal (pipes, files, tests), so the
/// output of a run stays byte for byte the same.
/// </summary>
internal static class ProgressLine
{
    /// <summary>The callback for <c>ScenarioRunOptions.Progress</c>, or null when <paramref name="error"/> is not the terminal.</summary>
    public static Action<TimeSpan, TimeSpan>? ForTerminal(TextWriter error)
    {
        if (!ReferenceEquals(error, Console.Error) || Console.IsErrorRedirected) return null;
        var wall = System.Diagnostics.Stopwatch.StartNew();
        var last = TimeSpan.MinValue;
        return (done, horizon) =>
        {
            if (wall.Elapsed - last < TimeSpan.FromMilliseconds(500)) return;
            last = wall.Elapsed;
            var percent = horizon > TimeSpan.Zero ? 100.0 * done.Ticks / horizon.Ticks : 100;
            error.Write(FormattableString.Invariant($"\rrun: +{DurationText.Format(done)} of {DurationText.Format(horizon)} virtual ({percent:0.0}%)   "));
        };
    }

    /// <summary>Erases the progress line (terminal only).</summary>
    public static void Clear(TextWriter error)
    {
        if (ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected) error.Write("\r" + new string(' ', 60) + "\r");
    }
}
