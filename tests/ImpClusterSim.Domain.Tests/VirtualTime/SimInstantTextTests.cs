using System.Globalization;
using ImpClusterSim.Domain.Time;

namespace ImpClusterSim.Domain.Tests.VirtualTime;

/// <summary>An instant's text (traces, reports) is ISO 8601 with milliseconds, as the format string "yyyy-MM-dd'T'HH:mm:ss.fff'Z'" writes it.</summary>
public sealed class SimInstantTextTests
{
    public static TheoryData<long> Instants()
    {
        var data = new TheoryData<long>
        {
            SimInstant.DefaultRunStart.UtcTicks,
            DateTime.MinValue.Ticks,
            DateTime.MaxValue.Ticks,
            new DateTime(2026, 12, 31, 23, 59, 59, 999, DateTimeKind.Utc).Ticks + 9_999,
            new DateTime(999, 2, 3, 4, 5, 6, 7, DateTimeKind.Utc).Ticks,
        };
        var random = new Random(5280);
        for (var i = 0; i < 200; i++) data.Add(random.NextInt64(DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks));
        return data;
    }

    [Theory]
    [MemberData(nameof(Instants))]
    public void The_text_is_the_format_strings(long ticks)
    {
        var instant = new SimInstant(ticks);
        var expected = new DateTime(ticks, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

        Assert.Equal(expected, instant.ToString());
        var utf8 = new byte[SimInstant.TextLength];
        instant.FormatUtf8(utf8);
        Assert.Equal(expected, System.Text.Encoding.ASCII.GetString(utf8));
    }

    [Fact]
    public void A_short_buffer_is_refused()
    {
        Assert.Throws<ArgumentException>(() => SimInstant.DefaultRunStart.FormatUtf8(new byte[SimInstant.TextLength - 1]));
    }
}
