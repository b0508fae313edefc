using System.Text;

namespace ImpClusterSim.Node.Wire;

/// <summary>
/// Writes the fields of a value in a fixed order (little-endian integers, length-prefixed UTF-8 strings and byte
/// arrays). Nested values of any registered type go through <see cref="Any"/>, which writes their manifest first.
/// </summary>
public sealed class WireWriter
{
    private readonly BinaryWriter _out;

    internal WireWriter(BinaryWriter output, CodecRegistry registry)
    {
        _out = output;
        Registry = registry;
    }

    public CodecRegistry Registry { get; }

    public WireWriter String(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        _out.Write(bytes.Length);
        _out.Write(bytes);
        return this;
    }

    public WireWriter NullableString(string? value)
    {
        _out.Write(value is not null);
        if (value is not null) String(value);
        return this;
    }

    public WireWriter Long(long value)
    {
        _out.Write(value);
        return this;
    }

    public WireWriter Int(int value)
    {
        _out.Write(value);
        return this;
    }

    public WireWriter Double(double value)
    {
        _out.Write(value);
        return this;
    }

    public WireWriter Bool(bool value)
    {
        _out.Write(value);
        return this;
    }

    public WireWriter Bytes(ReadOnlySpan<byte> value)
    {
        _out.Write(value.Length);
        _out.Write(value);
        return this;
    }

    /// <summary>A count followed by each item.</summary>
    public WireWriter List<T>(IReadOnlyCollection<T> items, Action<WireWriter, T> item)
    {
        _out.Write(items.Count);
        foreach (var i in items) item(this, i);
        return this;
    }

    /// <summary>A nested value of any registered type: its manifest, then its fields.</summary>
    public WireWriter Any(object value)
    {
        var codec = Registry.For(value.GetType());
        String(Registry.ManifestOf(codec));
        codec.Write(this, value);
        return this;
    }
}
