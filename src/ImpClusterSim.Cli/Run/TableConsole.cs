using ImpClusterSim.Cli.Common;
using Spectre.Console;

namespace ImpClusterSim.Cli.Run;

/// <summary>The console the run's tables (timeline, checks) are written to.</summary>
internal static class TableConsole
{
    /// <summary>
    /// Colours and the terminal's width only on a terminal; a file or a test's writer gets plain, wide text
    /// (redirected output has no terminal width: a wide one rather than wrapping every cell, without trailing blanks).
    /// Call <see cref="IAnsiConsole"/>'s writes line by line; the last line is complete once it ends with a newline.
    /// </summary>
    public static IAnsiConsole For(TextWriter output)
    {
        var terminal = output == Console.Out && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(terminal ? output : new TrailingSpaceTrimmer(output)),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = ColorSystemSupport.Detect,
        });
        if (!terminal) console.Profile.Width = 200;
        return console;
    }
}
