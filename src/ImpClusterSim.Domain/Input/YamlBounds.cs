using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ImpClusterSim.Domain.Input;

/// <summary>
/// Bounds on a YAML document checked before it is loaded, on the parser's event stream (which does not recurse): the
/// text's length, the nesting depth of mappings and sequences (deeper nesting would overflow the stack of the
/// recursive representation model) and the number of nodes with every alias expanded (an "alias bomb" of a few lines
/// can stand for billions). One error with its line and column, or null.
/// </summary>
public static class YamlBounds
{
    /// <summary>The longest YAML text read: 1 MiB of characters.</summary>
    public const int MaxLength = 1 << 20;

    /// <summary>The deepest nesting of mappings and sequences: 64 (the shipped scenarios go 6 deep).</summary>
    public const int MaxDepth = 64;

    /// <summary>The most nodes a document may stand for, aliases expanded: 100,000.</summary>
    public const long MaxNodes = 100_000;

    /// <summary>The first bound <paramref name="yaml"/> breaks, as (line, column, message), or null; syntax errors are left to the loader.</summary>
    public static (int Line, int Column, string Message)? Check(string yaml)
    {
        if (yaml.Length > MaxLength)
            return (1, 1, $"the YAML text is {yaml.Length} characters, more than the {MaxLength} allowed");
        var parser = new Parser(new StringReader(yaml));
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        var open = new Stack<(string? Anchor, long Start)>();
        long nodes = 0;
        try
        {
            while (parser.MoveNext())
            {
                var e = parser.Current!;
                switch (e)
                {
                    case MappingStart or SequenceStart:
                        nodes++;
                        open.Push((AnchorOf(e), nodes));
                        if (open.Count > MaxDepth)
                            return (Line(e), Column(e), $"the YAML is nested more than {MaxDepth} levels deep");
                        break;
                    case MappingEnd or SequenceEnd:
                        var (anchor, start) = open.Pop();
                        if (anchor is not null) sizes[anchor] = nodes - start + 1;
                        break;
                    case Scalar s:
                        nodes++;
                        if (AnchorOf(s) is { } a) sizes[a] = 1;
                        break;
                    case AnchorAlias alias:
                        nodes += sizes.GetValueOrDefault(alias.Value.Value, 1);
                        break;
                }

                if (nodes > MaxNodes)
                    return (Line(e), Column(e), $"the YAML stands for more than {MaxNodes} values once its aliases (*name) are expanded");
            }
        }
        catch (YamlException)
        {
            return null; // the loader reports it with its position
        }
        catch (InvalidOperationException)
        {
            return null;
        }

        return null;
    }

    private static string? AnchorOf(ParsingEvent e) =>
        e is NodeEvent { Anchor.IsEmpty: false } n ? n.Anchor.Value : null;

    private static int Line(ParsingEvent e) => (int)e.Start.Line;

    private static int Column(ParsingEvent e) => (int)e.Start.Column;
}
