namespace ImpClusterSim.Node.Ports;

/// <summary>A seeded random stream for one purpose on one node. Never <c>new Random()</c> in simulated code.</summary>
public interface IRandomSource
{
    /// <summary>Uniform in [0, 1).</summary>
    double NextDouble();

    /// <summary>Uniform in [minInclusive, maxExclusive).</summary>
    long NextInt64(long minInclusive, long maxExclusive);

    /// <summary>Fills <paramref name="buffer"/> with random bytes (e.g. to seed key generation).</summary>
    void NextBytes(Span<byte> buffer);
}
