using ImpClusterSim.Domain.Time;
using ImpClusterSim.Live.Network;
using ImpClusterSim.Live.Ports;

namespace ImpClusterSim.Live.Tests;

public sealed class LiveTimeTests
{
    private static readonly LiveTime Time = new(SimInstant.DefaultRunStart, DateTimeOffset.UnixEpoch.AddYears(56), 120);

    [Fact]
    public void At_speed_120_a_virtual_hour_is_thirty_wall_seconds_and_back()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), Time.Wall(TimeSpan.FromHours(1)));
        Assert.Equal(TimeSpan.FromHours(1), Time.Virtual(TimeSpan.FromSeconds(30)));
        Assert.Equal(TimeSpan.Zero, Time.Wall(TimeSpan.FromMinutes(-5)));
        Assert.Equal(Time.Epoch.AddSeconds(15), Time.WallAt(TimeSpan.FromMinutes(30)));
    }

    [Fact]
    public void A_skewed_clock_runs_ahead_of_the_run_clock_by_its_skew()
    {
        var clock = new LiveClock(new LiveTime(SimInstant.DefaultRunStart, DateTimeOffset.UtcNow, 1)) { Skew = TimeSpan.FromHours(2) };
        var run = new LiveRunClock(clock);
        var ahead = clock.Now - run.Now;
        Assert.InRange(ahead, TimeSpan.FromHours(2) - TimeSpan.FromSeconds(5), TimeSpan.FromHours(2) + TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Random_streams_differ_by_node_and_purpose_and_repeat_for_the_same_ones()
    {
        Assert.Equal(LiveRandom.SeedFor(1, "imp-a-pub", "presence"), LiveRandom.SeedFor(1, "imp-a-pub", "presence"));
        Assert.NotEqual(LiveRandom.SeedFor(1, "imp-a-pub", "presence"), LiveRandom.SeedFor(1, "imp-a-sub1", "presence"));
        Assert.NotEqual(LiveRandom.SeedFor(1, "imp-a-pub", "presence"), LiveRandom.SeedFor(1, "imp-a-pub", "network"));
        Assert.NotEqual(LiveRandom.SeedFor(1, "imp-a-pub", "presence"), LiveRandom.SeedFor(2, "imp-a-pub", "presence"));
        var a = new LiveRandom(1, "n", "p");
        var b = new LiveRandom(1, "n", "p");
        Assert.Equal(Enumerable.Range(0, 5).Select(_ => a.NextInt64(0, 1000)), Enumerable.Range(0, 5).Select(_ => b.NextInt64(0, 1000)));
    }

    [Fact]
    public void A_one_way_cut_blocks_one_direction_and_a_both_ways_cut_both()
    {
        var oneWay = new LinkCut("x", ["a"], ["b"], BothWays: false);
        Assert.True(oneWay.Blocks("a", "b"));
        Assert.False(oneWay.Blocks("b", "a"));
        var both = oneWay with { BothWays = true };
        Assert.True(both.Blocks("b", "a"));
        Assert.False(both.Blocks("a", "c"));
        Assert.Null(new LinkRules([oneWay], 0, 0).CutBetween("b", "a"));
    }
}
