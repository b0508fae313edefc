using Akka.Actor;
using Akka.Configuration;
using Akka.Dispatch;
using Akka.Event;

namespace ImpClusterSim.Simulation.Kernel;

/// <summary>
/// Akka's scheduler for every ActorSystem of a simulated run (named in <c>akka.scheduler.implementation</c>). Every
/// timer goes into the run's one <see cref="VirtualClock"/>; repeating timers re-arm at due + interval, so they never
/// drift whatever the step of the run loop. Timers of a system that crashed or stopped are dropped.
/// </summary>
public sealed class VirtualScheduler : SchedulerBase, IDisposable
{
    private readonly SimulationKernel _kernel;
    private bool _disposed;

    public VirtualScheduler(Config config, ILoggingAdapter log)
        : base(config, log)
    {
        _kernel = SimulationKernel.FromConfig(config);
    }

    private VirtualClock Clock => _kernel.Clock;

    protected override DateTimeOffset TimeNow => Clock.Now.ToDateTimeOffset();

    public override TimeSpan MonotonicClock => Clock.Now - _kernel.Start;

    public override TimeSpan HighResMonotonicClock => MonotonicClock;

    protected override void InternalScheduleTellOnce(TimeSpan delay, ICanTell receiver, object message, IActorRef sender, ICancelable cancelable) =>
        Once(delay, () => receiver.Tell(message, sender), cancelable);

    protected override void InternalScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, ICanTell receiver, object message, IActorRef sender, ICancelable cancelable) =>
        Repeat(Clock.Now + initialDelay, interval, () => receiver.Tell(message, sender), cancelable);

    protected override void InternalScheduleOnce(TimeSpan delay, Action action, ICancelable cancelable) =>
        Once(delay, action, cancelable);

    protected override void InternalScheduleOnce(TimeSpan delay, IRunnable action, ICancelable cancelable) =>
        Once(delay, action.Run, cancelable);

    protected override void InternalScheduleRepeatedly(TimeSpan initialDelay, TimeSpan interval, Action action, ICancelable cancelable) =>
        Repeat(Clock.Now + initialDelay, interval, action, cancelable);

    protected override void InternalScheduleRepeatedly(TimeSpan initialDelay, TimeSpan interval, IRunnable action, ICancelable cancelable) =>
        Repeat(Clock.Now + initialDelay, interval, action.Run, cancelable);

    private void Once(TimeSpan delay, Action action, ICancelable? cancelable) =>
        Clock.ScheduleAfter(delay, () =>
        {
            if (!_disposed && cancelable is not { IsCancellationRequested: true }) action();
        });

    private void Repeat(Domain.Time.SimInstant due, TimeSpan interval, Action action, ICancelable? cancelable) =>
        Clock.Schedule(due, () =>
        {
            if (_disposed || cancelable is { IsCancellationRequested: true }) return;
            // Re-arm from the due time, not from when the loop got here: no drift.
            Repeat(due + interval, interval, action, cancelable);
            action();
        });

    public void Dispose() => _disposed = true;
}
