using ImpClusterSim.Domain.Time;
using ImpClusterSim.Simulation.Kernel;

namespace ImpClusterSim.Simulation.Tests.Kernel;

/// <summary>The run's clock: items fire in (due time, arming order), and an item that runs itself can re-arm itself.</summary>
public sealed class VirtualClockTests
{
    private static readonly SimInstant T0 = SimInstant.DefaultRunStart;

    /// <summary>Fires three times, one second apart, re-arming itself after each firing.</summary>
    private sealed class Countdown(VirtualClock clock, List<SimInstant> fired) : ClockItem
    {
        private int _left = 3;

        protected override void Run()
        {
            fired.Add(clock.Now);
            if (--_left > 0) clock.ScheduleAfter(TimeSpan.FromSeconds(1), this);
        }
    }

    [Fact]
    public void An_item_that_runs_itself_fires_in_arming_order_and_can_re_arm_once_it_has_fired()
    {
        var clock = new VirtualClock(T0);
        var fired = new List<SimInstant>();
        var order = new List<string>();
        var countdown = new Countdown(clock, fired);
        clock.Schedule(T0 + TimeSpan.FromSeconds(1), () => order.Add("action"));
        clock.Schedule(T0 + TimeSpan.FromSeconds(1), countdown);

        // Armed and not fired yet: arming it again would fire it twice.
        Assert.Throws<InvalidOperationException>(() => clock.Schedule(T0, countdown));

        while (clock.FireNext(T0 + TimeSpan.FromMinutes(1))) order.Add("fired");

        Assert.Equal([T0 + TimeSpan.FromSeconds(1), T0 + TimeSpan.FromSeconds(2), T0 + TimeSpan.FromSeconds(3)], fired);
        Assert.Equal(["action", "fired", "fired", "fired", "fired"], order);
        Assert.True(countdown.IsCancelled);
    }

    [Fact]
    public void A_cancelled_item_does_not_fire()
    {
        var clock = new VirtualClock(T0);
        var fired = new List<SimInstant>();
        var countdown = new Countdown(clock, fired);
        clock.Schedule(T0 + TimeSpan.FromSeconds(1), countdown);

        Assert.True(countdown.Cancel());
        Assert.False(countdown.Cancel());
        Assert.False(clock.FireNext(T0 + TimeSpan.FromMinutes(1)));
        Assert.Empty(fired);
    }
}
