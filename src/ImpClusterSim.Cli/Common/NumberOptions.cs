using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace ImpClusterSim.Cli.Common;

/// <summary>
/// Number options with their range, checked while the command line is parsed (so a bad value is exit 2 before anything
/// runs, with the usual "Try '... --help'." hint): a whole number beyond the type's range is "out of range (MIN to MAX)",
/// never "not a whole number"; a decimal is read in the invariant culture with a point and no thousands separators
/// ("0,5" is refused, not read as 5) and must be finite.
/// </summary>
public static class NumberOptions
{
    /// <summary>An <c>int</c> option that accepts <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static Option<int> Whole(string name, string description, int defaultValue, int min, int max) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result => ParseWhole(result, min, max),
    };

    /// <summary>
    /// A decimal option that accepts <paramref name="min"/> to <paramref name="max"/>; <paramref name="unit"/> follows the
    /// range in the message (e.g. " virtual seconds per wall second").
    /// </summary>
    public static Option<double> Decimal(string name, string description, double defaultValue, double min, double max, string unit = "") => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result => ParseDecimal(result, min, max, unit),
    };

    /// <summary>
    /// A decimal as the command line writes it: digits with an optional sign, one decimal point and an exponent, in the
    /// invariant culture; no thousands separator, no blanks, no NaN or infinity. False for anything else.
    /// </summary>
    public static bool TryParseDecimal(string text, out double value) =>
        double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value)
        // "NaN" and "Infinity" parse in every style; a number has digits (a non-finite one with digits, e.g. 1e400, is out of range).
        && text.Any(char.IsAsciiDigit);

    private static int ParseWhole(ArgumentResult result, int min, int max)
    {
        var (name, text) = Token(result);
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max) return value;
        // A whole number, but too large or small for its option (an overflowing one included): say so, with the range.
        if (System.Numerics.BigInteger.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
            result.AddError(Range(name, text, min.ToString(CultureInfo.InvariantCulture), max.ToString(CultureInfo.InvariantCulture), ""));
        else result.AddError($"{name} '{text}' is not a whole number");
        return default;
    }

    private static double ParseDecimal(ArgumentResult result, double min, double max, string unit)
    {
        var (name, text) = Token(result);
        if (!TryParseDecimal(text, out var value))
        {
            var hint = text.Contains(',', StringComparison.Ordinal) ? "; write a decimal with a point and no thousands separators" : "";
            result.AddError($"{name} '{text}' is not a number (e.g. 2.5){hint}");
            return default;
        }

        if (double.IsFinite(value) && value >= min && value <= max) return value;
        result.AddError(Range(name, text, min.ToString(CultureInfo.InvariantCulture), max.ToString(CultureInfo.InvariantCulture), unit));
        return default;
    }

    private static string Range(string name, string text, string min, string max, string unit) => $"{name} {text} is out of range ({min} to {max}{unit})";

    private static (string Name, string Text) Token(ArgumentResult result)
    {
        var name = result.Parent is OptionResult o ? o.Option.Name : result.Argument.Name;
        return (name, result.Tokens.Count > 0 ? result.Tokens[^1].Value : "");
    }
}
