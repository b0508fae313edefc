using System.CommandLine;
using System.Text.RegularExpressions;
using ImpClusterSim.Domain.Text;

namespace ImpClusterSim.Cli.Common;

/// <summary>
/// System.CommandLine's parse errors in the user's terms: a value that does not convert is described by what it
/// should be ("a whole number from 0 to 18446744073709551615"), never by a .NET type name; an unknown option or
/// command gets the nearest known one.
/// </summary>
public static partial class ParseErrors
{
    /// <summary>The message to print for one parse error of System.CommandLine, in the command <paramref name="command"/>.</summary>
    public static string Describe(string message, Command? command = null)
    {
        var unknown = Unrecognized().Match(message);
        if (unknown.Success && command is not null)
        {
            var token = unknown.Groups["token"].Value;
            var known = command.Options.SelectMany(o => o.Aliases.Prepend(o.Name)).Concat(command.Subcommands.Select(c => c.Name)).Where(n => !n.StartsWith("-?", StringComparison.Ordinal));
            var near = Spelling.Nearest(token, known);
            return near is null ? message : $"{message.TrimEnd('.')}; did you mean '{near}'?";
        }

        var m = CannotParse().Match(message);
        if (m.Success)
        {
            var (value, name, type) = (m.Groups["value"].Value, m.Groups["name"].Value, m.Groups["type"].Value);
            // A whole number too large (or small) for the option's type is out of range, not "not a whole number".
            if (System.Numerics.BigInteger.TryParse(value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var whole)
                && WholeRange(type) is var (min, max))
                return $"{name} {value} is out of range ({(min == 0 ? $"0 to {max}" : whole < min ? $"smaller than {min}" : $"larger than {max}")})";
            return $"{name} '{value}' is not {Expected(type)}";
        }
        return message;
    }

    /// <summary>
    /// The '--name' words of <paramref name="args"/> that are not options of <paramref name="command"/> (nor of its
    /// parents), each described with the nearest known option. Words after a lone "--" are not options.
    /// </summary>
    public static IReadOnlyList<string> UnknownOptions(IReadOnlyList<string> args, Command command)
    {
        var known = new HashSet<string>(StringComparer.Ordinal) { "--help", "-h", "-?", "--version" };
        for (Symbol? s = command; s is Command c; s = c.Parents.FirstOrDefault())
            foreach (var o in c.Options) { known.Add(o.Name); known.UnionWith(o.Aliases); }
        var result = new List<string>();
        foreach (var a in args.TakeWhile(a => a != "--"))
        {
            if (a.Length < 3 || !a.StartsWith("--", StringComparison.Ordinal) || !char.IsLetter(a[2])) continue;
            var name = a.Split('=', 2)[0];
            if (known.Contains(name)) continue;
            result.Add($"unknown option '{name}'{Spelling.DidYouMean(name, known.Where(k => k.StartsWith("--", StringComparison.Ordinal)))}");
        }
        return result;
    }

    /// <summary>What a value of a .NET type looks like, in words.</summary>
    public static string Expected(string typeName)
    {
        var type = Nullable().Match(typeName) is { Success: true } n ? n.Groups[1].Value : typeName;
        return type switch
        {
            "System.UInt64" => "a whole number from 0 to 18446744073709551615",
            "System.UInt32" => "a whole number from 0 to 4294967295",
            "System.Int32" => "a whole number",
            "System.Int64" => "a whole number",
            "System.Double" or "System.Single" or "System.Decimal" => "a number (e.g. 2.5)",
            "System.Boolean" => "true or false",
            "System.TimeSpan" => "a duration (e.g. 90m, 24h)",
            _ => "a valid value",
        };
    }

    /// <summary>The smallest and largest value of a whole-number type (nullable or not), or null for another type.</summary>
    private static (System.Numerics.BigInteger Min, System.Numerics.BigInteger Max)? WholeRange(string typeName) =>
        (Nullable().Match(typeName) is { Success: true } n ? n.Groups[1].Value : typeName) switch
        {
            "System.UInt64" => (ulong.MinValue, ulong.MaxValue),
            "System.UInt32" => (uint.MinValue, uint.MaxValue),
            "System.Int32" => (int.MinValue, int.MaxValue),
            "System.Int64" => (long.MinValue, long.MaxValue),
            _ => null,
        };

    [GeneratedRegex("^Cannot parse argument '(?<value>.*)' for (?<kind>option|argument) '(?<name>[^']*)' as expected type '(?<type>[^']*)'\\.?$", RegexOptions.Singleline)]
    private static partial Regex CannotParse();

    [GeneratedRegex("^Unrecognized command or argument '(?<token>.*)'\\.?$", RegexOptions.Singleline)]
    private static partial Regex Unrecognized();

    [GeneratedRegex(@"^System\.Nullable`1\[(.+)\]$")]
    private static partial Regex Nullable();
}
