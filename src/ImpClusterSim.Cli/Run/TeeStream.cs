namespace ImpClusterSim.Cli.Run;

/// <summary>A write-only stream that writes the same bytes to two streams (the second optional).</summary>
internal sealed class TeeStream(Stream first, Stream? second) : Stream
{
    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        first.Write(buffer, offset, count);
        second?.Write(buffer, offset, count);
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        first.Write(buffer);
        second?.Write(buffer);
    }

    public override void Flush()
    {
        first.Flush();
        second?.Flush();
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
