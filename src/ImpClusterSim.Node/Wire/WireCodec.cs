namespace ImpClusterSim.Node.Wire;

/// <summary>
/// How one message or durable value type is written to bytes and read back, field by field (no reflection: a field
/// nobody writes is a compile-time omission in the codec, never a silent drop at run time). <see cref="Name"/> and
/// <see cref="Version"/> form the manifest (<c>name.vN</c>); a reader gets the version the bytes were written with,
/// so a newer codec can still read older bytes.
/// </summary>
public interface IWireCodec
{
    Type Type { get; }

    string Name { get; }

    int Version { get; }

    void Write(WireWriter writer, object value);

    object Read(WireReader reader, int version);
}

/// <summary>A codec for <typeparamref name="T"/> from two functions. <c>read</c> receives the version the bytes carry.</summary>
public sealed class WireCodec<T>(string name, int version, Action<WireWriter, T> write, Func<WireReader, int, T> read) : IWireCodec
    where T : notnull
{
    public Type Type => typeof(T);

    public string Name { get; } = name;

    public int Version { get; } = version;

    public void Write(WireWriter writer, object value) => write(writer, (T)value);

    public object Read(WireReader reader, int version) => read(reader, version);
}
