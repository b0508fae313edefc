using System.Globalization;

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

    /// <summary>ISO 8601 with milliseconds, e.g. 2026-01-01T00:10:00.000Z: the form used in traces and reports.</summary>
    public override string ToString() => ToDateTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
