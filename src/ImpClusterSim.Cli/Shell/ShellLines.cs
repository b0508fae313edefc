namespace ImpClusterSim.Cli.Shell;

/// <summary>Where the shell's lines come from: one line per call after showing <c>prompt</c>; null at the end of the input.</summary>
public interface IShellLines
{
    /// <summary>Shows <paramref name="prompt"/> and reads one line; null at the end of the input.</summary>
    /// <param name="prompt">The prompt: <c>impsim> </c>, <c>admin:</c>, or a question being asked.</param>
    /// <param name="completion">The names tab completion offers for this line (asked for on the calling thread, only by a source that completes).</param>
    string? Read(string prompt, Func<ShellCompletion> completion);
}

/// <summary>
/// Lines from a reader (a script, a pipe, a test): the prompt is written to the output and, when
/// <paramref name="echo"/>, the line after it, so the output reads as a transcript.
/// </summary>
public sealed class ReaderLines(TextReader input, TextWriter output, bool echo) : IShellLines
{
    /// <inheritdoc />
    public string? Read(string prompt, Func<ShellCompletion> completion)
    {
        output.Write(prompt);
        output.Flush();
        var line = input.ReadLine();
        if (line is not null && echo) output.WriteLine(line);
        return line;
    }
}
