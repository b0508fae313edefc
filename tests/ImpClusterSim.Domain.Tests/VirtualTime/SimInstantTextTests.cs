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
        // 200 instants spread over the whole range by a step prime to it, so that every field takes many values.
        const long step = 15_485_863L * 1_000_000_007L;
        for (var i = 1; i <= 200; i++) data.Add((long)((ulong)(i * step) % (ulong)DateTime.MaxValue.Ticks));
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
