namespace ImpClusterSim.Domain.Time;

/// <summary>
/// A point in virtual time: UTC ticks (100 ns) since 0001-01-01, like <see cref="DateTime.Ticks"/>, so that
/// certificate validity converts without loss. Nothing in the simulator reads the machine clock; every instant
/// comes from the run's virtual clock (possibly skewed for one node).
/// </summary>
public readonly record struct SimInstant(long UtcTicks) : IComparable<SimInstant>
{
    /// <summary>Default start of a run: a fixed date, so that certificates issued at start-up are reproducible.</summary>
    public static readonly SimInstant DefaultRunStart = FromDateTime(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));

    public static SimInstant FromDateTime(DateTime utc) =>
        new(utc.Kind == DateTimeKind.Utc ? utc.Ticks : DateTime.SpecifyKind(utc, DateTimeKind.Utc).Ticks);

    public DateTime ToDateTime() => new(UtcTicks, DateTimeKind.Utc);

    public DateTimeOffset ToDateTimeOffset() => new(UtcTicks, TimeSpan.Zero);

    public static SimInstant operator +(SimInstant t, TimeSpan d) => new(t.UtcTicks + d.Ticks);
    public static SimInstant operator -(SimInstant t, TimeSpan d) => new(t.UtcTicks - d.Ticks);
    public static TimeSpan operator -(SimInstant a, SimInstant b) => new(a.UtcTicks - b.UtcTicks);
    public static bool operator <(SimInstant a, SimInstant b) => a.UtcTicks < b.UtcTicks;
    public static bool operator >(SimInstant a, SimInstant b) => a.UtcTicks > b.UtcTicks;
    public static bool operator <=(SimInstant a, SimInstant b) => a.UtcTicks <= b.UtcTicks;
    public static bool operator >=(SimInstant a, SimInstant b) => a.UtcTicks >= b.UtcTicks;

    public int CompareTo(SimInstant other) => UtcTicks.CompareTo(other.UtcTicks);

    /// <summary>The length of <see cref="ToString"/>'s text (and of <see cref="FormatUtf8"/>'s bytes).</summary>
    public const int TextLength = 24;

    /// <summary>ISO 8601 with milliseconds, e.g. 2026-01-01T00:10:00.000Z: the form used in traces and reports.</summary>
    public override string ToString()
    {
        Span<byte> utf8 = stackalloc byte[TextLength];
        FormatUtf8(utf8);
        return System.Text.Encoding.ASCII.GetString(utf8);
    }

    /// <summary>
    /// Writes <see cref="ToString"/>'s text as ASCII into the first <see cref="TextLength"/> bytes of
    /// <paramref name="destination"/> (without the culture machinery of a format string: the trace writes one per event).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="TextLength"/>.</exception>
    public void FormatUtf8(Span<byte> destination)
    {
        if (destination.Length < TextLength) throw new ArgumentException($"needs {TextLength} bytes", nameof(destination));
        var t = ToDateTime();
        "0000-00-00T00:00:00.000Z"u8.CopyTo(destination);
        Digits(destination[..4], t.Year);
        Digits(destination.Slice(5, 2), t.Month);
        Digits(destination.Slice(8, 2), t.Day);
        Digits(destination.Slice(11, 2), t.Hour);
        Digits(destination.Slice(14, 2), t.Minute);
        Digits(destination.Slice(17, 2), t.Second);
        Digits(destination.Slice(20, 3), t.Millisecond);
    }

    // Zero-padded decimal digits filling the span.
    private static void Digits(Span<byte> span, int value)
    {
        for (var i = span.Length - 1; i >= 0; i--, value /= 10) span[i] = (byte)('0' + value % 10);
    }
}
