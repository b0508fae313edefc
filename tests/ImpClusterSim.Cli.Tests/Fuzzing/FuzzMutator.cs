using System.Text;

namespace ImpClusterSim.Cli.Tests.Fuzzing;

/// <summary>
/// A seeded mutator (docs/testing.md): the same seed gives the same mutants. Text mutations: line deletion and
/// duplication, indentation changes, type swaps, extreme numbers, Unicode digits and confusables, unknown keys, YAML
/// anchors and alias bombs, deep nesting, truncation, binary junk, BOM and line-ending variants. Byte mutations for
/// binary files (DER certificates): flips, truncation, insertion, splices.
/// </summary>
public sealed class FuzzMutator(int seed)
{
    private static readonly string[] ExtremeValues =
    [
        "0", "0s", "-1", "-1s", "1ms", "10675199d", "99999999999999999999d", "401d", "36501d", "9999999d", "1e308", "NaN",
        "18446744073709551615", "18446744073709551616", "-9223372036854775809", "2147483648", "0.0000001ms", "1.5.5s",
        "100000d", "-3651d", "+3651d", "999%", "-0%", "1..0", "5s..1s", "0s..400d",
    ];

    private static readonly string[] UnicodeDigits = ["６", "٥", "۳", "०", "๓", "߁", "𝟗", "¹", "½", "⑤"];

    private static readonly (char Ascii, char Confusable)[] Confusables = [('a', 'а'), ('e', 'е'), ('o', 'ο'), ('p', 'р'), ('c', 'с'), ('i', 'і'), ('-', '‐'), (':', '：'), (' ', '\u00A0')];

    private static readonly string[] UnknownKeys = ["colour", "unknown-key", "__proto__", "ｎａｍｅ", "name ", "<<", "? complex", "!!binary x"];

    private readonly Random _random = new(seed);

    /// <summary>The names of the text mutations, in the order <see cref="Mutate(string)"/> picks from.</summary>
    public static readonly string[] TextMutations =
    [
        "delete-line", "duplicate-line", "indent", "type-swap", "extreme-number", "unicode-digit", "confusable", "unknown-key",
        "anchor-alias", "alias-bomb", "deep-nesting", "truncate", "binary-junk", "bom-and-line-endings", "swap-lines", "empty",
    ];

    public int Next(int max) => _random.Next(max);

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>One to three text mutations of <paramref name="text"/>; <paramref name="applied"/> names them.</summary>
    public string Mutate(string text, out string applied)
    {
        var names = new List<string>();
        var count = 1 + _random.Next(3);
        for (var i = 0; i < count; i++)
        {
            var name = Pick(TextMutations);
            names.Add(name);
            text = Apply(name, text);
        }

        applied = string.Join("+", names);
        return text;
    }

    /// <summary>One to three byte mutations of <paramref name="data"/>.</summary>
    public byte[] MutateBytes(byte[] data, out string applied)
    {
        var names = new List<string>();
        var bytes = data.ToList();
        var count = 1 + _random.Next(3);
        for (var i = 0; i < count && bytes.Count > 0; i++)
        {
            switch (_random.Next(6))
            {
                case 0:
                    names.Add("flip");
                    bytes[_random.Next(bytes.Count)] ^= (byte)(1 << _random.Next(8));
                    break;
                case 1:
                    names.Add("truncate");
                    bytes = bytes.Take(_random.Next(bytes.Count)).ToList();
                    break;
                case 2:
                    names.Add("insert");
                    bytes.InsertRange(_random.Next(bytes.Count), Junk(1 + _random.Next(16)));
                    break;
                case 3:
                    names.Add("length-byte");
                    var at = _random.Next(bytes.Count);
                    bytes[at] = Pick(new byte[] { 0x00, 0x7F, 0x80, 0x81, 0x82, 0x84, 0x88, 0xFF });
                    break;
                case 4:
                    names.Add("splice");
                    var from = _random.Next(bytes.Count);
                    var len = Math.Min(bytes.Count - from, 1 + _random.Next(64));
                    bytes.InsertRange(_random.Next(bytes.Count), bytes.GetRange(from, len));
                    break;
                default:
                    names.Add("pem-wrap");
                    var pem = "-----BEGIN CERTIFICATE-----\n" + Convert.ToBase64String(bytes.ToArray(), Base64FormattingOptions.InsertLineBreaks) + "\n-----END CERTIFICATE-----\n";
                    bytes = Encoding.ASCII.GetBytes(_random.Next(2) == 0 ? pem : Apply(Pick(TextMutations), pem)).ToList();
                    break;
            }
        }

        applied = string.Join("+", names);
        return [.. bytes];
    }

    private string Apply(string name, string text)
    {
        var lines = text.Split('\n').ToList();
        var line = lines.Count == 0 ? 0 : _random.Next(lines.Count);
        switch (name)
        {
            case "delete-line":
                if (lines.Count > 1) lines.RemoveAt(line);
                break;
            case "duplicate-line":
                lines.Insert(line, lines[line]);
                break;
            case "indent":
                lines[line] = _random.Next(3) switch
                {
                    0 => new string(' ', 1 + _random.Next(4)) + lines[line],
                    1 => lines[line].TrimStart(),
                    _ => "\t" + lines[line],
                };
                break;
            case "type-swap":
                lines[line] = SwapValue(lines[line], Pick(new[] { "[a, b]", "{ x: 1 }", "", "~", "true", "- item", "|\n  block", "\"quoted\"", "[]", "{}" }));
                break;
            case "extreme-number":
                lines[line] = ReplaceNumber(lines[line], Pick(ExtremeValues));
                break;
            case "unicode-digit":
                lines[line] = ReplaceDigit(lines[line]);
                break;
            case "confusable":
                var (ascii, confusable) = Pick(Confusables);
                var at = lines[line].IndexOf(ascii);
                if (at >= 0) lines[line] = lines[line][..at] + confusable + lines[line][(at + 1)..];
                break;
            case "unknown-key":
                var indent = lines[line].Length - lines[line].TrimStart().Length;
                lines.Insert(line, new string(' ', indent) + Pick(UnknownKeys) + ": " + Pick(ExtremeValues));
                break;
            case "anchor-alias":
                lines[line] = SwapValue(lines[line], "&a1 " + Pick(new[] { "x", "[1, 2]", "{ k: v }" }));
                lines.Insert(Math.Min(lines.Count, line + 1 + _random.Next(3)), new string(' ', Indent(lines[line])) + "again: *a1");
                break;
            case "alias-bomb":
                var bomb = new StringBuilder("bomb0: &b0 [x, x, x, x, x, x, x, x, x, x]\n");
                for (var i = 1; i < 12; i++) bomb.Append($"bomb{i}: &b{i} [{string.Join(", ", Enumerable.Repeat($"*b{i - 1}", 10))}]\n");
                lines.Insert(_random.Next(2) == 0 ? 0 : lines.Count, bomb.ToString().TrimEnd('\n'));
                break;
            case "deep-nesting":
                var depth = Pick(new[] { 60, 70, 200, 5_000, 30_000 });
                var open = _random.Next(2) == 0 ? '[' : '{';
                var nest = open == '[' ? new string('[', depth) + new string(']', depth) : string.Concat(Enumerable.Repeat("{a: ", depth)) + "1" + new string('}', depth);
                lines[line] = SwapValue(lines[line], _random.Next(4) == 0 ? nest[..(nest.Length / 2)] : nest);
                break;
            case "truncate":
                return text[.._random.Next(text.Length + 1)];
            case "binary-junk":
                var junk = Encoding.Latin1.GetString(Junk(1 + _random.Next(64)));
                var pos = _random.Next(text.Length + 1);
                return text[..pos] + junk + text[pos..];
            case "bom-and-line-endings":
                var ending = Pick(new[] { "\r\n", "\r", "\n", "\n\r" });
                var joined = string.Join(ending, lines);
                return _random.Next(2) == 0 ? "\uFEFF" + joined : joined;
            case "swap-lines":
                var other = _random.Next(lines.Count);
                (lines[line], lines[other]) = (lines[other], lines[line]);
                break;
            case "empty":
                return _random.Next(3) switch { 0 => "", 1 => "\uFEFF", _ => "\n\n  \n" };
        }

        return string.Join('\n', lines);
    }

    private byte[] Junk(int n)
    {
        var b = new byte[n];
        _random.NextBytes(b);
        return b;
    }

    private static int Indent(string line) => line.Length - line.TrimStart().Length;

    /// <summary>The line with its value (after the first ': ') replaced, or the value appended.</summary>
    private static string SwapValue(string line, string value)
    {
        var colon = line.IndexOf(": ", StringComparison.Ordinal);
        return colon >= 0 ? line[..(colon + 2)] + value : line.TrimEnd() + (line.TrimEnd().EndsWith(':') ? " " : ": ") + value;
    }

    private string ReplaceNumber(string line, string value)
    {
        var digits = Enumerable.Range(0, line.Length).Where(i => char.IsAsciiDigit(line[i]) && (i == 0 || !char.IsAsciiDigit(line[i - 1]))).ToList();
        if (digits.Count == 0) return SwapValue(line, value);
        var start = Pick(digits);
        var end = start;
        while (end < line.Length && (char.IsAsciiLetterOrDigit(line[end]) || line[end] is '.' or '%')) end++;
        return line[..start] + value + line[end..];
    }

    private string ReplaceDigit(string line)
    {
        var digits = Enumerable.Range(0, line.Length).Where(i => char.IsAsciiDigit(line[i])).ToList();
        if (digits.Count == 0) return SwapValue(line, Pick(UnicodeDigits) + "h");
        var at = Pick(digits);
        return line[..at] + Pick(UnicodeDigits) + line[(at + 1)..];
    }
}
