using System.Globalization;
using ImpClusterSim.Domain.Services;
using ImpClusterSim.Domain.Time;

namespace ImpClusterSim.Scenarios.Language;

/// <summary>
/// Reads one value written as text (a scenario scalar, a command-line option, a shell argument, a <c>--set</c> value)
/// and checks it against its range from <see cref="ValueRanges"/>. Parsing is ASCII-only and culture-invariant. Each
/// method returns false with the message to print (the scenario validator adds file:line:column to it).
/// </summary>
public static class ValueText
{
    /// <summary>How to write a duration, as every message says it.</summary>
    public const string DurationHelp = "write it like 90s, 10m, 1h30m, 24h or 2d";

    /// <summary>A duration within <paramref name="bounds"/>.</summary>
    public static bool TryDuration(string key, string text, DurationBounds bounds, out TimeSpan value, out string error)
    {
        error = "";
        if (!ParseMagnitude(key, text, DurationHelp, out value, out error)) return false;
        if (bounds.Check(key, value) is not { } outOfRange) return true;
        error = outOfRange;
        return false;
    }

    /// <summary>A duration with an optional sign (-2h, +400d) within <paramref name="bounds"/>.</summary>
    public static bool TrySignedDuration(string key, string text, DurationBounds bounds, out TimeSpan value, out string error)
    {
        var sign = text.StartsWith('-') ? -1 : 1;
        var body = text.Length > 0 && text[0] is '-' or '+' ? text[1..] : text;
        if (!ParseMagnitude(key, body, DurationHelp + ", with an optional sign (-2h, +400d)", out value, out error, text)) return false;
        if (sign < 0) value = -value;
        if (bounds.Check(key, value) is not { } outOfRange) return true;
        error = outOfRange;
        return false;
    }

    /// <summary>A duration or a range "min..max" whose ends are both within <paramref name="bounds"/>.</summary>
    public static bool TryRange(string key, string text, DurationBounds bounds, out DurationRange? value, out string error)
    {
        value = null;
        error = "";
        var parts = text.Split("..", 2, StringSplitOptions.TrimEntries);
        if (parts.Any(p => !DurationText.TryParse(p, out _)))
        {
            error = $"'{key}': '{text}' is not a duration or a range of durations; write it like 30s or 5s..60s{DigitHint(text)}";
            return false;
        }

        var min = DurationText.Parse(parts[0]);
        var max = parts.Length == 2 ? DurationText.Parse(parts[1]) : min;
        if ((bounds.Check(key, min) ?? bounds.Check(key, max)) is { } outOfRange)
        {
            error = outOfRange;
            return false;
        }

        if (max < min)
        {
            error = $"'{key}': the range '{text}' ends before it starts";
            return false;
        }

        value = new DurationRange(min, max);
        return true;
    }

    /// <summary>A whole number (ASCII digits only) from <paramref name="range"/>'s Min to Max.</summary>
    public static bool TryCount(string key, string text, (int Min, int Max) range, out int value, out string error)
    {
        error = "";
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= range.Min && value <= range.Max) return true;
        error = $"'{key}' must be a whole number from {range.Min} to {range.Max}, found '{text}'{DigitHint(text)}";
        return false;
    }

    /// <summary>A probability: a number from 0 to 1 or a percentage such as 2.5%.</summary>
    public static bool TryProbability(string key, string text, out double value, out string error)
    {
        error = "";
        var percent = text.EndsWith('%');
        var number = percent ? text[..^1].Trim() : text;
        if (double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
        {
            if (percent) value /= 100;
            if (value is >= 0 and <= 1) return true;
        }

        error = $"'{key}' must be a probability: a number from 0 to 1 or a percentage such as 2.5%, found '{text}'{DigitHint(text)}";
        return false;
    }

    /// <summary>
    /// A value of a deployment setting (<see cref="ValueRanges.Settings"/>), typed as the scenario reader types it:
    /// TimeSpan, DurationRange, double or string. Null with the message when it is not valid.
    /// </summary>
    public static object? Read(SettingSpec setting, string text, out string error)
    {
        error = "";
        switch (setting.Type)
        {
            case ArgType.Duration:
                return TryDuration(setting.Path, text, setting.Bounds ?? ValueRanges.AnyDuration, out var d, out error) ? d : null;
            case ArgType.DurationRange:
                return TryRange(setting.Path, text, setting.Bounds ?? ValueRanges.AnyDuration, out var r, out error) ? r : null;
            case ArgType.Probability:
                return TryProbability(setting.Path, text, out var p, out error) ? p : null;
            default:
                if (setting.Values.Contains(text)) return text;
                error = $"'{setting.Path}': '{text}' is not valid; expected one of: {string.Join(", ", setting.Values)}";
                return null;
        }
    }

    private static bool ParseMagnitude(string key, string body, string help, out TimeSpan value, out string error, string? shown = null)
    {
        error = "";
        if (DurationText.TryParse(body, out value)) return true;
        var text = shown ?? body;
        error = DurationText.IsWellFormed(body)
            ? $"'{key}': '{text}' is out of range: no duration may be longer than {DurationText.Format(ValueRanges.MaxDuration)}"
            : $"'{key}': '{text}' is not a duration; {help}{DigitHint(text)}";
        return false;
    }

    /// <summary>A hint when the text holds digits that are not ASCII (full-width, Arabic-Indic, ...).</summary>
    private static string DigitHint(string text) =>
        text.Any(c => char.IsDigit(c) && !char.IsAsciiDigit(c)) ? " (only the ASCII digits 0-9 count as digits)" : "";
}
