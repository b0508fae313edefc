using System.Text;
using ImpClusterSim.Node.Ports;

namespace ImpClusterSim.Live.Ports;

/// <summary>
/// A random stream for one purpose on one node, seeded from the run's seed, the node's name and the purpose (FNV-1a,
/// stable across processes). Live runs are not replayable (thread timing decides the order of events), but each
/// node's draws are still its own and repeatable in isolation.
/// </summary>
public sealed class LiveRandom : IRandomSource
{
    private readonly Random _random;
    private readonly Lock _lock = new();

    public LiveRandom(ulong seed, string node, string purpose) => _random = new Random(SeedFor(seed, node, purpose));

    public static int SeedFor(ulong seed, string node, string purpose)
    {
        var hash = 14695981039346656037UL ^ seed;
        foreach (var b in Encoding.UTF8.GetBytes(node + "\u0000" + purpose))
        {
            hash ^= b;
            hash *= 1099511628211UL;
        }
        return (int)(hash ^ (hash >> 32));
    }

    public double NextDouble()
    {
        lock (_lock) return _random.NextDouble();
    }

    public long NextInt64(long minInclusive, long maxExclusive)
    {
        lock (_lock) return _random.NextInt64(minInclusive, maxExclusive);
    }

    public void NextBytes(Span<byte> buffer)
    {
        lock (_lock) _random.NextBytes(buffer);
    }
}
