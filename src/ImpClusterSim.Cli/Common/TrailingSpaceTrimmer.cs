using System.Text;

namespace ImpClusterSim.Cli.Common;

/// <summary>
/// A writer that drops the blanks at the end of each line before passing it on: tables laid out for a fixed width
/// (redirected output has no terminal width) are not padded with spaces when piped or saved.
/// </summary>
public sealed class TrailingSpaceTrimmer(TextWriter inner) : TextWriter
{
    private readonly StringBuilder _line = new();

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        if (value == '\n')
        {
            FlushLine();
            inner.Write('\n');
        }
        else if (value != '\r') _line.Append(value);
    }

    public override void Write(string? value)
    {
        if (value is null) return;
        foreach (var c in value) Write(c);
    }

    public override void WriteLine(string? value)
    {
        Write(value);
        Write('\n');
    }

    public override void WriteLine() => Write('\n');

    public override void Flush()
    {
        FlushLine();
        inner.Flush();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) FlushLine();
        base.Dispose(disposing);
    }

    private void FlushLine()
    {
        var end = _line.Length;
        while (end > 0 && _line[end - 1] == ' ') end--;
        inner.Write(_line.ToString(0, end));
        _line.Clear();
    }
}
