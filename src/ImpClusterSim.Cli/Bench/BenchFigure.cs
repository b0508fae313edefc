using System.Collections.Immutable;
using System.Globalization;

namespace ImpClusterSim.Cli.Bench;

/// <summary>
/// One measured figure over the repetitions of <c>impsim bench</c>: <see cref="Samples"/> are the values of each
/// repetition (wall-clock measurements of this machine, in <see cref="Unit"/>), summarised by their median and their
/// spread (smallest and largest value); the verdict compares the median with the <see cref="Target"/>.
/// </summary>
/// <param name="Id">Stable name of the figure, e.g. <c>day-wall</c> (the JSON key; docs/bench.md lists them).</param>
/// <param name="Group">The id of the measurement it comes from, e.g. <c>day</c> (what <c>--only</c> takes).</param>
/// <param name="Description">What was measured, in words.</param>
/// <param name="Unit">Unit of the samples, e.g. <c>s</c>, <c>ms</c>, <c>msg/s</c>, <c>x</c>, <c>MiB</c>.</param>
/// <param name="Target">What the figure should be.</param>
/// <param name="Samples">One value per repetition, in the order measured (never empty).</param>
public sealed record BenchFigure(string Id, string Group, string Description, string Unit, BenchTarget Target, ImmutableArray<double> Samples)
{
    /// <summary>The median of the samples (the mean of the two middle ones for an even count).</summary>
    public double Median
    {
        get
        {
            var sorted = Samples.Sort();
            var n = sorted.Length;
            return n % 2 == 1 ? sorted[n / 2] : (sorted[(n / 2) - 1] + sorted[n / 2]) / 2;
        }
    }

    /// <summary>The smallest sample.</summary>
    public double Min => Samples.Min();

    /// <summary>The largest sample.</summary>
    public double Max => Samples.Max();

    /// <summary>The spread as a share of the median: (max - min) / median (0 for one sample or a zero median).</summary>
    public double RelativeSpread => Median == 0 ? 0 : (Max - Min) / Math.Abs(Median);

    /// <summary>True when the median meets the target ("pass"); false: "short".</summary>
    public bool Passed => Target.MetBy(Median);

    /// <summary>"pass" or "short".</summary>
    public string Verdict => Passed ? "pass" : "short";

    /// <summary>A value of this figure for people: three significant digits, thousands grouped, no exponent.</summary>
    public static string Format(double value)
    {
        var c = CultureInfo.InvariantCulture;
        var a = Math.Abs(value);
        return a >= 1000 ? value.ToString("#,0", c)
            : a >= 100 ? value.ToString("0", c)
            : a >= 10 ? value.ToString("0.0", c)
            : a >= 1 ? value.ToString("0.00", c)
            : a >= 0.01 ? value.ToString("0.000", c)
            : value.ToString("0.#####", c);
    }
}
