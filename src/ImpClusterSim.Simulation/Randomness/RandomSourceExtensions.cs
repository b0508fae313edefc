using ImpClusterSim.Node.Ports;

namespace ImpClusterSim.Simulation.Randomness;

/// <summary>Distributions drawn from any <see cref="IRandomSource"/>; each helper uses a fixed number of draws per call.</summary>
public static class RandomSourceExtensions
{
    /// <summary>True with probability <paramref name="p"/> (one draw, even when p is 0 or 1, so streams stay aligned).</summary>
    public static bool Bernoulli(this IRandomSource random, double p) => random.NextDouble() < p;

    /// <summary>Uniform in [<paramref name="min"/>, <paramref name="max"/>], both ends included, to the tick.</summary>
    public static TimeSpan NextDuration(this IRandomSource random, TimeSpan min, TimeSpan max)
    {
        if (max < min) throw new ArgumentOutOfRangeException(nameof(max), "max must not be below min");
        var span = max.Ticks - min.Ticks;
        if (span == long.MaxValue) return TimeSpan.FromTicks(min.Ticks + random.NextInt64(0, long.MaxValue));
        return TimeSpan.FromTicks(min.Ticks + random.NextInt64(0, span + 1));
    }

    /// <summary>Standard normal variate times <paramref name="stdDev"/> plus <paramref name="mean"/> (Box-Muller, two draws).</summary>
    public static double NextNormal(this IRandomSource random, double mean, double stdDev)
    {
        var u1 = 1.0 - random.NextDouble(); // (0, 1]: the logarithm stays finite
        var u2 = random.NextDouble();
        var z = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
        return mean + stdDev * z;
    }

    /// <summary>exp(N(<paramref name="mu"/>, <paramref name="sigma"/>)): a lognormal with those log-space parameters.</summary>
    public static double NextLogNormal(this IRandomSource random, double mu, double sigma) =>
        Math.Exp(random.NextNormal(mu, sigma));

    /// <summary>A uniformly chosen element (one draw).</summary>
    public static T Pick<T>(this IRandomSource random, IReadOnlyList<T> items)
    {
        if (items.Count == 0) throw new ArgumentException("cannot pick from an empty list", nameof(items));
        return items[(int)random.NextInt64(0, items.Count)];
    }
}
