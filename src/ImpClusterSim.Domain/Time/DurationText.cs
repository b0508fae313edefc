using System.Globalization;
using System.Text.RegularExpressions;

namespace ImpClusterSim.Domain.Time;

/// <summary>
/// Durations as people write them in commands and scenarios: "90s", "10m", "1h30m", "24h", "2d", "250ms". Only ASCII
/// digits count (a full-width '６' or an Arabic-Indic '٥' is not a digit here) and parsing never depends on the culture.
/// A text whose value does not fit a <see cref="TimeSpan"/> does not parse; ranges are checked by the caller.
/// </summary>
public static partial class DurationText
{
    [GeneratedRegex(@"^(?:([0-9]+(?:\.[0-9]+)?)(ms|d|h|m|s))+$", RegexOptions.CultureInvariant)]
    private static partial Regex Whole();

    [GeneratedRegex(@"([0-9]+(?:\.[0-9]+)?)(ms|d|h|m|s)", RegexOptions.CultureInvariant)]
    private static partial Regex Part();

    /// <summary>The longest text that can be a duration (longer text is refused before the pattern runs).</summary>
    public const int MaxLength = 64;

    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxLength) return false;
        var s = text.Trim();
        if (!Whole().IsMatch(s)) return false;
        double ticks = 0;
        foreach (Match m in Part().Matches(s))
        {
            if (!double.TryParse(m.Groups[1].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n)) return false;
            ticks += m.Groups[2].Value switch
            {
                "ms" => n * TimeSpan.TicksPerMillisecond,
                "s" => n * TimeSpan.TicksPerSecond,
                "m" => n * TimeSpan.TicksPerMinute,
                "h" => n * TimeSpan.TicksPerHour,
                _ => n * TimeSpan.TicksPerDay,
            };
        }
        if (!double.IsFinite(ticks) || ticks >= TimeSpan.MaxValue.Ticks) return false;
        value = TimeSpan.FromTicks((long)ticks);
        return true;
    }

    /// <summary>True when the text has the shape of a duration (ASCII digits and units), whether or not its value fits.</summary>
    public static bool IsWellFormed(string? text) =>
        !string.IsNullOrWhiteSpace(text) && text.Length <= MaxLength && Whole().IsMatch(text.Trim());

    public static TimeSpan Parse(string text) =>
        TryParse(text, out var v) ? v : throw new FormatException($"'{text}' is not a duration; write it like 90s, 10m, 1h30m, 24h or 2d");

    /// <summary>Compact form, largest units first: 1h30m, 45s, 250ms, 0s.</summary>
    public static string Format(TimeSpan d)
    {
        if (d == TimeSpan.Zero) return "0s";
        var sign = d < TimeSpan.Zero ? "-" : "";
        d = d.Duration();
        var parts = new List<string>();
        if (d.Days > 0) parts.Add($"{d.Days}d");
        if (d.Hours > 0) parts.Add($"{d.Hours}h");
        if (d.Minutes > 0) parts.Add($"{d.Minutes}m");
        if (d.Seconds > 0) parts.Add($"{d.Seconds}s");
        if (d.Milliseconds > 0) parts.Add($"{d.Milliseconds}ms");
        return sign + string.Concat(parts);
    }
}
