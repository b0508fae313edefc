using ImpClusterSim.Node.Ports;

namespace ImpClusterSim.Simulation.Randomness;

/// <summary>
/// One seeded random stream: xoshiro256** (Blackman and Vigna), whose 256-bit state is taken from a SHA-256 of the
/// run's seed and the stream's name (see <see cref="RunRandomness"/>). Same state, same sequence, on every process and
/// machine. Not thread-safe: like the clock, only the run's loop thread draws from it.
/// </summary>
public sealed class SeededRandom : IRandomSource
{
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>Builds a stream from its 256-bit state; an all-zero state (a fixed point of xoshiro) is replaced.</summary>
    public SeededRandom(ulong s0, ulong s1, ulong s2, ulong s3)
    {
        if ((s0 | s1 | s2 | s3) == 0) s0 = 0x9E3779B97F4A7C15UL;
        (_s0, _s1, _s2, _s3) = (s0, s1, s2, s3);
    }

    /// <summary>The stream's name as given to <see cref="RunRandomness"/> (for diagnostics only).</summary>
    public string Name { get; init; } = "";

    /// <summary>Number of 64-bit words drawn so far (diagnostics: shows how far a stream has moved).</summary>
    public long Draws { get; private set; }

    /// <summary>The next 64 uniformly random bits.</summary>
    public ulong NextUInt64()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        Draws++;
        return result;
    }

    /// <inheritdoc />
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <inheritdoc />
    /// <remarks>Like <see cref="Random.NextInt64(long, long)"/>, returns <paramref name="minInclusive"/> when the range is empty.</remarks>
    public long NextInt64(long minInclusive, long maxExclusive)
    {
        if (maxExclusive < minInclusive)
            throw new ArgumentOutOfRangeException(nameof(maxExclusive), "maxExclusive must not be below minInclusive");
        var range = (ulong)(maxExclusive - minInclusive);
        if (range <= 1) return minInclusive;
        return minInclusive + (long)NextBelow(range);
    }

    /// <summary>Uniform in [0, <paramref name="bound"/>) without modulo bias (Lemire's multiply-and-reject).</summary>
    public ulong NextBelow(ulong bound)
    {
        if (bound == 0) throw new ArgumentOutOfRangeException(nameof(bound), "bound must be positive");
        var high = Math.BigMul(NextUInt64(), bound, out var low);
        if (low < bound)
        {
            var threshold = (0 - bound) % bound;
            while (low < threshold) high = Math.BigMul(NextUInt64(), bound, out low);
        }
        return high;
    }

    /// <inheritdoc />
    public void NextBytes(Span<byte> buffer)
    {
        while (buffer.Length >= 8)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(buffer, NextUInt64());
            buffer = buffer[8..];
        }
        if (buffer.Length == 0) return;
        var last = NextUInt64();
        for (var i = 0; i < buffer.Length; i++) buffer[i] = (byte)(last >> (8 * i));
    }
}
