using System.Globalization;
using ImpClusterSim.Node.Ports;
using ImpClusterSim.Simulation.Randomness;

namespace ImpClusterSim.Simulation.Network;

/// <summary>
/// How long a message takes on a link. A small closed family: <see cref="Fixed"/>, <see cref="Uniform"/>,
/// <see cref="Normal"/> (clamped at zero) and <see cref="LogNormal"/> (given by its real mean and standard deviation).
/// Samples are rounded to whole ticks (100 ns).
/// </summary>
public abstract record LatencyDistribution
{
    private LatencyDistribution() { }

    public abstract TimeSpan Sample(IRandomSource random);

    /// <summary>Short invariant text for traces, e.g. "uniform(0.5ms..2ms)".</summary>
    public abstract string Describe();

    public static LatencyDistribution Fixed(TimeSpan value) => new FixedLatency(value);

    public static LatencyDistribution Uniform(TimeSpan min, TimeSpan max) => new UniformLatency(min, max);

    public static LatencyDistribution Normal(TimeSpan mean, TimeSpan stdDev) => new NormalLatency(mean, stdDev);

    public static LatencyDistribution LogNormal(TimeSpan mean, TimeSpan stdDev) => new LogNormalLatency(mean, stdDev);

    internal static string Ms(TimeSpan d) =>
        d.TotalMilliseconds.ToString("0.####", CultureInfo.InvariantCulture) + "ms";

    private static TimeSpan NonNegative(TimeSpan d, string name) =>
        d >= TimeSpan.Zero ? d : throw new ArgumentOutOfRangeException(name, "latency parameters must not be negative");

    private static TimeSpan FromTicks(double ticks) =>
        ticks <= 0 ? TimeSpan.Zero : ticks >= TimeSpan.MaxValue.Ticks ? TimeSpan.MaxValue : TimeSpan.FromTicks((long)Math.Round(ticks));

    /// <summary>Always the same latency; draws nothing.</summary>
    public sealed record FixedLatency : LatencyDistribution
    {
        public FixedLatency(TimeSpan value) => Value = NonNegative(value, nameof(value));

        public TimeSpan Value { get; }

        public override TimeSpan Sample(IRandomSource random) => Value;

        public override string Describe() => $"fixed({Ms(Value)})";
    }

    /// <summary>Uniform in [Min, Max], both included; one draw.</summary>
    public sealed record UniformLatency : LatencyDistribution
    {
        public UniformLatency(TimeSpan min, TimeSpan max)
        {
            Min = NonNegative(min, nameof(min));
            Max = max >= min ? max : throw new ArgumentOutOfRangeException(nameof(max), "max must not be below min");
        }

        public TimeSpan Min { get; }
        public TimeSpan Max { get; }

        public override TimeSpan Sample(IRandomSource random) => random.NextDuration(Min, Max);

        public override string Describe() => $"uniform({Ms(Min)}..{Ms(Max)})";
    }

    /// <summary>Normal with Mean and StdDev, clamped at zero; two draws.</summary>
    public sealed record NormalLatency : LatencyDistribution
    {
        public NormalLatency(TimeSpan mean, TimeSpan stdDev)
        {
            Mean = NonNegative(mean, nameof(mean));
            StdDev = NonNegative(stdDev, nameof(stdDev));
        }

        public TimeSpan Mean { get; }
        public TimeSpan StdDev { get; }

        public override TimeSpan Sample(IRandomSource random) => FromTicks(random.NextNormal(Mean.Ticks, StdDev.Ticks));

        public override string Describe() => $"normal(mean={Ms(Mean)},sd={Ms(StdDev)})";
    }

    /// <summary>
    /// Lognormal whose real (not log-space) mean and standard deviation are Mean and StdDev: a long right tail, as
    /// real network latencies have. Two draws.
    /// </summary>
    public sealed record LogNormalLatency : LatencyDistribution
    {
        public LogNormalLatency(TimeSpan mean, TimeSpan stdDev)
        {
            Mean = mean > TimeSpan.Zero ? mean : throw new ArgumentOutOfRangeException(nameof(mean), "a lognormal mean must be positive");
            StdDev = NonNegative(stdDev, nameof(stdDev));
            var m = (double)Mean.Ticks;
            var s = (double)StdDev.Ticks;
            Sigma = Math.Sqrt(Math.Log(1.0 + s * s / (m * m)));
            Mu = Math.Log(m) - Sigma * Sigma / 2.0;
        }

        public TimeSpan Mean { get; }
        public TimeSpan StdDev { get; }

        /// <summary>Log-space location (of ticks).</summary>
        public double Mu { get; }

        /// <summary>Log-space scale.</summary>
        public double Sigma { get; }

        public override TimeSpan Sample(IRandomSource random) => FromTicks(random.NextLogNormal(Mu, Sigma));

        public override string Describe() => $"lognormal(mean={Ms(Mean)},sd={Ms(StdDev)})";
    }
}
