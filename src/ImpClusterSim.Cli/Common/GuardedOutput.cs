namespace ImpClusterSim.Cli.Common;

/// <summary>
/// An output file that cannot kill a run: the first write error (disk full, device gone) is kept in
/// <see cref="Failure"/> and everything after it is dropped, so the run ends, prints its result, and the command then
/// says what could not be written and exits 2 (docs/testing.md, "CLI edges").
/// </summary>
public sealed class GuardedOutput(Stream inner, string path) : Stream
{
    /// <summary>"cannot write 'path': reason" once a write failed, else null.</summary>
    public string? Failure { get; private set; }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Guard(() => inner.Write(buffer, offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (Failure is not null) return;
        try
        {
            inner.Write(buffer);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            Failure = $"cannot write '{path}': {e.Message}";
        }
    }

    /// <summary>Flushes the file; after the stream was closed (the trace writer closes it at the run's end) nothing is left to flush.</summary>
    public override void Flush()
    {
        if (!_closed) Guard(inner.Flush);
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    private bool _closed;

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_closed)
        {
            _closed = true;
            Guard(inner.Flush);
            try
            {
                inner.Dispose();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Failure ??= $"cannot write '{path}': {e.Message}";
            }
        }

        base.Dispose(disposing);
    }

    private void Guard(Action write)
    {
        if (Failure is not null) return;
        try
        {
            write();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            Failure = $"cannot write '{path}': {e.Message}";
        }
    }
}
