using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ImpClusterSim.Domain.Input;

/// <summary>
/// A YAML parser that remembers where its last event started, so that an error the representation model raises
/// without a position (an ArgumentException for an event it does not expect, found by the fuzzer with a line that is
/// only ": ") can still be reported at a line and column.
/// </summary>
public sealed class TrackingParser(string yaml) : IParser
{
    private readonly Parser _inner = new(new StringReader(yaml));

    public ParsingEvent? Current => _inner.Current;

    /// <summary>The line and column (1-based) of the last event read.</summary>
    public (int Line, int Column) Position { get; private set; } = (1, 1);

    public bool MoveNext()
    {
        var moved = _inner.MoveNext();
        if (moved && _inner.Current is { } e) Position = ((int)e.Start.Line, (int)e.Start.Column);
        return moved;
    }

    /// <summary>The message for a structure the representation model refused without a position.</summary>
    public const string UnsupportedStructure = "YAML syntax error: a structure that cannot be read here (for example a key without a name, ': value')";
}
