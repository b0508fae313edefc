using System.Text;

namespace ImpClusterSim.Node.Wire;

/// <summary>
/// Reads what a <see cref="WireWriter"/> wrote, in the same order. Lengths are checked against what is left, so a
/// corrupt or truncated message fails with a <see cref="WireFormatException"/> instead of allocating without bound.
/// </summary>
public sealed class WireReader
{
    private readonly BinaryReader _in;

    internal WireReader(BinaryReader input, CodecRegistry registry)
    {
        _in = input;
        Registry = registry;
    }

    public CodecRegistry Registry { get; }

    public string String() => Encoding.UTF8.GetString(ReadLengthPrefixed());

    public string? NullableString() => _in.ReadBoolean() ? String() : null;

    public long Long() => _in.ReadInt64();

    public int Int() => _in.ReadInt32();

    public double Double() => _in.ReadDouble();

    public bool Bool() => _in.ReadBoolean();

    public byte[] Bytes() => ReadLengthPrefixed();

    public IReadOnlyList<T> List<T>(Func<WireReader, T> item)
    {
        var count = Length();
        var items = new List<T>(Math.Min(count, 1024));
        for (var i = 0; i < count; i++) items.Add(item(this));
        return items;
    }

    /// <summary>A nested value written by <see cref="WireWriter.Any"/>.</summary>
    public object Any()
    {
        var manifest = String();
        var (codec, version) = Registry.ForManifest(manifest);
        return codec.Read(this, version);
    }

    private byte[] ReadLengthPrefixed()
    {
        var length = Length();
        return _in.ReadBytes(length);
    }

    private int Length()
    {
        var length = _in.ReadInt32();
        var left = _in.BaseStream.Length - _in.BaseStream.Position;
        if (length < 0 || length > left)
            throw new WireFormatException($"a length of {length} where {left} bytes are left: the message is corrupt or truncated");
        return length;
    }
}

/// <summary>Bytes that are not a message of a known manifest and version: corrupt, truncated or from a newer program.</summary>
public sealed class WireFormatException(string message) : Exception(message);
