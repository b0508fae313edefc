using Akka.Actor;
using ImpClusterSim.Domain.Time;
using ImpClusterSim.Simulation.Kernel;

namespace ImpClusterSim.Simulation.Tests.Kernel;

public sealed class VirtualSchedulerTests : IDisposable
{
    private static readonly SimInstant T0 = SimInstant.DefaultRunStart;
    private readonly SimulationKernel _kernel = new(T0);
    private readonly ActorSystem _system;
    private readonly List<(SimInstant At, object Message)> _log = [];

    public VirtualSchedulerTests()
    {
        _system = ActorSystem.Create("timers", _kernel.SystemConfig);
    }

    public void Dispose()
    {
        _system.Terminate();
        _kernel.RunUntilQuiescent();
        _kernel.Dispose();
    }

    private IActorRef Recorder(Action<TimerRecorder>? setup = null) => _system.ActorOf(TimerRecorder.Props(_log, setup));

    [Fact]
    public void Scheduler_reads_virtual_time_from_the_run_start()
    {
        Assert.Equal(T0.ToDateTimeOffset(), _system.Scheduler.Now);
        _kernel.RunFor(TimeSpan.FromHours(3));
        Assert.Equal((T0 + TimeSpan.FromHours(3)).ToDateTimeOffset(), _system.Scheduler.Now);
        Assert.Equal(TimeSpan.FromHours(3), _system.Scheduler.MonotonicClock);
    }

    [Fact]
    public void ScheduleTellOnce_fires_exactly_at_its_virtual_time()
    {
        var recorder = Recorder();
        _system.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(90), recorder, "once", ActorRefs.NoSender);
        _kernel.RunFor(TimeSpan.FromSeconds(89));
        Assert.Empty(_log);
        _kernel.RunFor(TimeSpan.FromHours(1));
        var (at, message) = Assert.Single(_log);
        Assert.Equal(T0 + TimeSpan.FromSeconds(90), at);
        Assert.Equal("once", message);
    }

    [Theory]
    [InlineData(1)]       // one step for the whole horizon
    [InlineData(7)]       // odd steps
    [InlineData(1200)]    // a step per timer
    public void Periodic_timers_fire_the_exact_count_at_exact_times_whatever_the_step(int steps)
    {
        Recorder(r => r.Timers.StartPeriodicTimer("tick", "tick", TimeSpan.FromSeconds(1)));
        var horizon = TimeSpan.FromMinutes(20);
        for (var i = 1; i <= steps; i++)
            _kernel.RunUntil(T0 + TimeSpan.FromTicks(horizon.Ticks * i / steps));

        Assert.Equal(1200, _log.Count);
        for (var k = 0; k < _log.Count; k++)
            Assert.Equal(T0 + TimeSpan.FromSeconds(k + 1), _log[k].At);
    }

    [Fact]
    public void ScheduleTellRepeatedly_does_not_drift()
    {
        var recorder = Recorder();
        _system.Scheduler.ScheduleTellRepeatedly(TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(30), recorder, "sync", ActorRefs.NoSender);
        _kernel.RunFor(TimeSpan.FromHours(24));
        Assert.Equal(48, _log.Count);
        Assert.Equal(T0 + TimeSpan.FromSeconds(10) + TimeSpan.FromMinutes(30 * 47), _log[^1].At);
    }

    [Fact]
    public void A_cancelled_timer_never_fires()
    {
        var recorder = Recorder();
        var once = _system.Scheduler.ScheduleTellOnceCancelable(TimeSpan.FromMinutes(5), recorder, "cancelled", ActorRefs.NoSender);
        var repeated = _system.Scheduler.ScheduleTellRepeatedlyCancelable(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1), recorder, "repeat", ActorRefs.NoSender);
        _kernel.RunFor(TimeSpan.FromMinutes(3.5));
        once.Cancel();
        repeated.Cancel();
        _kernel.RunFor(TimeSpan.FromHours(1));
        Assert.Equal(3, _log.Count);
        Assert.All(_log, e => Assert.Equal("repeat", e.Message));
    }

    [Fact]
    public void Actor_timers_can_be_cancelled_and_replaced()
    {
        var recorder = Recorder(r => r.Timers.StartSingleTimer("t", "first", TimeSpan.FromMinutes(10)));
        _kernel.RunFor(TimeSpan.FromMinutes(2));
        recorder.Tell(new TimerRecorder.Command(r => r.Timers.Cancel("t")));
        recorder.Tell(new TimerRecorder.Command(r => r.Timers.StartSingleTimer("t2", "second", TimeSpan.FromMinutes(1))));
        _kernel.RunFor(TimeSpan.FromHours(1));
        var (at, message) = Assert.Single(_log);
        Assert.Equal("second", message);
        Assert.Equal(T0 + TimeSpan.FromMinutes(3), at);
    }

    [Fact]
    public void Timers_of_equal_due_time_fire_in_the_order_they_were_scheduled()
    {
        var recorder = Recorder();
        for (var i = 0; i < 50; i++)
            _system.Scheduler.ScheduleTellOnce(TimeSpan.FromMinutes(1), recorder, i, ActorRefs.NoSender);
        _kernel.RunFor(TimeSpan.FromMinutes(2));
        Assert.Equal(Enumerable.Range(0, 50).Cast<object>(), _log.Select(e => e.Message));
    }

    [Fact]
    public void All_work_runs_on_the_loop_thread()
    {
        Recorder(r => r.Timers.StartPeriodicTimer("tick", "tick", TimeSpan.FromSeconds(5)));
        _kernel.RunFor(TimeSpan.FromHours(2));
        Assert.Equal(1440, _log.Count);
        Assert.Equal(0, _kernel.ForeignEnqueues);
    }
}
