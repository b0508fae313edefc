using System.Globalization;
using ImpClusterSim.Domain.Time;
using ImpClusterSim.Scenarios.Outcome;

namespace ImpClusterSim.Scenarios.Reports;

/// <summary>How reports write times, places and numbers (culture-invariant, so a report is the same everywhere).</summary>
internal static class ReportText
{
    /// <summary>Virtual time since the start: +0s, +2h1m8ms.</summary>
    public static string Since(TimeSpan t) => "+" + DurationText.Format(t);

    public static string Since(ScenarioOutcome outcome, SimInstant at) => Since(at - outcome.Start);

    public static string Where(CheckOutcome c) => $"{c.File}:{c.Line.ToString(CultureInfo.InvariantCulture)}:{c.Column.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>
    /// A check's result as the terminal words it: an expectation PASS or FAIL, an assumption HELD or BROKEN (an
    /// assumption never fails a run).
    /// </summary>
    public static string Result(CheckOutcome c) => c.Kind == CheckKind.Expectation
        ? c.Passed ? "PASS" : "FAIL"
        : c.Passed ? "HELD" : "BROKEN";

    public static string Kind(CheckKind kind) => kind == CheckKind.Expectation ? "expectation" : "assumption";

    public static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
