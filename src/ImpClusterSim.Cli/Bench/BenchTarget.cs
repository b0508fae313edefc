using System.Globalization;

namespace ImpClusterSim.Cli.Bench;

/// <summary>Which side of a target a figure must be on.</summary>
public enum TargetSense
{
    /// <summary>The figure passes when it is at most the target (times, memory).</summary>
    AtMost,

    /// <summary>The figure passes when it is at least the target (rates, ratios).</summary>
    AtLeast,
}

/// <summary>
/// What a benchmark figure should be: <see cref="Value"/> in the figure's unit, on the side given by
/// <see cref="Sense"/>; <see cref="Basis"/> says where the number comes from (a document of the project).
/// </summary>
public sealed record BenchTarget(TargetSense Sense, double Value, string Basis)
{
    /// <summary>Whether <paramref name="measured"/> meets the target.</summary>
    public bool MetBy(double measured) => Sense == TargetSense.AtMost ? measured <= Value : measured >= Value;

    /// <summary>"≤ 2" or "≥ 40000", the value formatted as the figure's values are.</summary>
    public string Describe(Func<double, string> format) => (Sense == TargetSense.AtMost ? "<= " : ">= ") + format(Value);

    /// <summary>The sense as written in JSON: "at-most" or "at-least".</summary>
    public string SenseName => Sense == TargetSense.AtMost ? "at-most" : "at-least";

    /// <summary>A target the figure must not exceed.</summary>
    public static BenchTarget AtMost(double value, string basis) => new(TargetSense.AtMost, value, basis);

    /// <summary>A target the figure must reach.</summary>
    public static BenchTarget AtLeast(double value, string basis) => new(TargetSense.AtLeast, value, basis);

    /// <inheritdoc />
    public override string ToString() => Describe(v => v.ToString(CultureInfo.InvariantCulture));
}
