using System.Globalization;

namespace ImpClusterSim.Scenarios.Studies;

/// <summary>"p50", "p99": the name of a percentile given as a fraction.</summary>
public static class PercentileName
{
    public static string Of(double p) => "p" + (p * 100).ToString("0.##", CultureInfo.InvariantCulture);
}
