namespace ImpClusterSim.Simulation.Randomness;

/// <summary>
/// All the randomness of one run, from one seed, split into independent named streams: <c>Stream("network")</c>,
/// <c>ForNode("imp-a-pub").Stream("service-durations")</c>. Each stream's state depends only on (seed, name), so drawing
/// more from one stream, or adding a stream, never shifts another. Asking twice for the same name returns the same
/// stream object (it continues where it was), so a restarted node picks up its streams where they stood.
/// </summary>
public sealed class RunRandomness(ulong seed)
{
    private readonly Dictionary<string, SeededRandom> _streams = new(StringComparer.Ordinal);

    public ulong Seed { get; } = seed;

    /// <summary>The run-wide stream for <paramref name="purpose"/>, e.g. "network" or "faults".</summary>
    public SeededRandom Stream(string purpose) => Get(["run", purpose]);

    /// <summary>
    /// A run-wide stream for a purpose refined by qualifiers, e.g. <c>Stream("network", from, to)</c> for one directed
    /// link. Parts are length-prefixed: any string may be used as a part.
    /// </summary>
    public SeededRandom Stream(string purpose, params ReadOnlySpan<string> qualifiers)
    {
        var parts = new string[qualifiers.Length + 2];
        parts[0] = "run";
        parts[1] = purpose;
        qualifiers.CopyTo(parts.AsSpan(2));
        return Get(parts);
    }

    /// <summary>The streams of one node.</summary>
    public NodeRandomness ForNode(string node)
    {
        ArgumentException.ThrowIfNullOrEmpty(node);
        return new NodeRandomness(this, node);
    }

    internal SeededRandom Get(ReadOnlySpan<string> parts)
    {
        var key = StreamDerivation.Key(parts);
        if (!_streams.TryGetValue(key, out var stream))
        {
            stream = StreamDerivation.Derive(Seed, key, string.Join('/', parts.ToArray()));
            _streams.Add(key, stream);
        }
        return stream;
    }
}
