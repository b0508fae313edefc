namespace ImpClusterSim.Scenarios.Studies;

/// <summary>
/// The Wilson score interval for a proportion: <see cref="Successes"/> of <see cref="Trials"/>, at 95 % confidence
/// (z = 1.959964). Unlike the normal approximation it stays inside [0, 1] and is meaningful for 0 or n successes
/// (E. B. Wilson, "Probable inference, the law of succession, and statistical inference", JASA 22, 1927).
/// </summary>
public sealed record WilsonInterval(int Successes, int Trials, double Low, double High)
{
    /// <summary>The two-sided 95 % normal quantile.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>The observed proportion (0 when there were no trials).</summary>
    public double Share => Trials == 0 ? 0 : (double)Successes / Trials;

    /// <summary>The interval for <paramref name="successes"/> of <paramref name="trials"/>; [0, 1] when there were no trials.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative counts, or more successes than trials.</exception>
    public static WilsonInterval Of(int successes, int trials, double z = Z95)
    {
        if (trials < 0 || successes < 0 || successes > trials)
            throw new ArgumentOutOfRangeException(nameof(successes), $"{successes} successes of {trials} trials");
        if (trials == 0) return new WilsonInterval(0, 0, 0, 1);
        double n = trials, p = successes / n, z2 = z * z;
        var centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        var half = z / (1 + z2 / n) * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        // At 0 or n successes the bound is exactly 0 or 1 (rounding would leave a hair's breadth).
        var low = successes == 0 ? 0 : Math.Max(0, centre - half);
        var high = successes == trials ? 1 : Math.Min(1, centre + half);
        return new WilsonInterval(successes, trials, low, high);
    }
}
