using System.Globalization;

namespace ImpClusterSim.Node.Wire;

/// <summary>
/// The codecs a program knows, by type and by manifest (<c>name.vN</c>). A manifest names the codec and the version the
/// bytes were written with; a version newer than the codec's own is refused (bytes from a newer program), an older
/// one is handed to the codec to read. Immutable once built.
/// </summary>
public sealed class CodecRegistry
{
    private readonly Dictionary<Type, IWireCodec> _byType = [];
    private readonly Dictionary<string, IWireCodec> _byName = new(StringComparer.Ordinal);

    public CodecRegistry(IEnumerable<IWireCodec> codecs)
    {
        foreach (var codec in codecs)
        {
            if (codec.Version < 1) throw new ArgumentException($"codec {codec.Name}: versions start at 1");
            if (codec.Name.Contains(".v", StringComparison.Ordinal)) throw new ArgumentException($"codec {codec.Name}: '.v' is reserved for the version");
            if (!_byType.TryAdd(codec.Type, codec)) throw new ArgumentException($"two codecs for {codec.Type.Name}");
            if (!_byName.TryAdd(codec.Name, codec)) throw new ArgumentException($"two codecs named {codec.Name}");
        }
    }

    public IReadOnlyCollection<IWireCodec> Codecs => _byType.Values;

    public bool Knows(Type type) => _byType.ContainsKey(type);

    public IWireCodec For(Type type) =>
        _byType.TryGetValue(type, out var codec)
            ? codec
            : throw new WireFormatException($"no codec for {type.FullName}: every message between node processes needs one (ImpClusterSim.Node.Wire)");

    public string ManifestOf(IWireCodec codec) => codec.Name + ".v" + codec.Version.ToString(CultureInfo.InvariantCulture);

    public string ManifestOf(Type type) => ManifestOf(For(type));

    public (IWireCodec Codec, int Version) ForManifest(string manifest)
    {
        var at = manifest.LastIndexOf(".v", StringComparison.Ordinal);
        if (at <= 0 || !int.TryParse(manifest.AsSpan(at + 2), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            throw new WireFormatException($"'{manifest}' is not a manifest (name.vN)");
        var name = manifest[..at];
        if (!_byName.TryGetValue(name, out var codec)) throw new WireFormatException($"no codec named '{name}' (manifest '{manifest}')");
        if (version > codec.Version)
            throw new WireFormatException($"'{manifest}' was written by a newer program: this one reads {name} up to v{codec.Version}");
        return (codec, version);
    }

    public byte[] ToBytes(object value)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
            For(value.GetType()).Write(new WireWriter(writer, this), value);
        return stream.ToArray();
    }

    public object FromBytes(ReadOnlySpan<byte> bytes, string manifest)
    {
        var (codec, version) = ForManifest(manifest);
        using var stream = new MemoryStream(bytes.ToArray(), writable: false);
        using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8);
        try
        {
            var value = codec.Read(new WireReader(reader, this), version);
            if (stream.Position != stream.Length)
                throw new WireFormatException($"{manifest}: {stream.Length - stream.Position} bytes left over after the last field");
            return value;
        }
        catch (EndOfStreamException)
        {
            throw new WireFormatException($"{manifest}: the bytes end before the last field");
        }
    }

    /// <summary>A registry with the codecs of this one and of <paramref name="more"/>.</summary>
    public CodecRegistry With(IEnumerable<IWireCodec> more) => new(Codecs.Concat(more));
}
