using Akka.Actor;
using Akka.Configuration;
using Akka.Dispatch;
using Akka.Event;

namespace ImpClusterSim.Simulation.Kernel;

/// <summary>
/// Akka's scheduler for every ActorSystem of a simulated run (named in <c>akka.scheduler.implementation</c>). Every
/// timer goes into the run's one <see cref="VirtualClock"/>; repeating timers re-arm at due + interval, so they never
/// drift whatever the step of the run loop. The system's <see cref="KernelBinding"/> says which run's clock that is; a
/// timer armed in an earlier epoch of the binding (an incarnation that crashed or stopped, an earlier run) is dropped
/// when it comes due, and a system that is parked arms none (it is marked tainted instead).
/// </summary>
public sealed class VirtualScheduler : SchedulerBase, IDisposable
{
    private readonly KernelBinding _binding;
    private SimulationKernel _last;
    private bool _disposed;

    public VirtualScheduler(Config config, ILoggingAdapter log)
        : base(config, log)
    {
        _binding = KernelBinding.FromConfig(config);
        _last = _binding.Kernel ?? throw new InvalidOperationException("A simulated ActorSystem was created with a parked kernel binding");
    }

    /// <summary>The bound kernel, or the last one while parked (Akka may read the time then; nothing is armed).</summary>
    private SimulationKernel Kernel => _last = _binding.Kernel ?? _last;

    private VirtualClock Clock => Kernel.Clock;

    protected override DateTimeOffset TimeNow => Clock.Now.ToDateTimeOffset();

    public override TimeSpan MonotonicClock => Clock.Now - Kernel.Start;

    public override TimeSpan HighResMonotonicClock => MonotonicClock;

    protected override void InternalScheduleTellOnce(TimeSpan delay, ICanTell receiver, object message, IActorRef sender, ICancelable cancelable)
    {
        if (Armed() is { } kernel) kernel.Clock.ScheduleAfter(delay, new TellTimer(this, cancelable, receiver, message, sender));
    }

    protected override void InternalScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, ICanTell receiver, object message, IActorRef sender, ICancelable cancelable) =>
        Repeat(initialDelay, new RepeatingTimer(this, cancelable, interval, () => receiver.Tell(message, sender)));

    protected override void InternalScheduleOnce(TimeSpan delay, Action action, ICancelable cancelable) =>
        Once(delay, action, cancelable);

    protected override void InternalScheduleOnce(TimeSpan delay, IRunnable action, ICancelable cancelable) =>
        Once(delay, action.Run, cancelable);

    protected override void InternalScheduleRepeatedly(TimeSpan initialDelay, TimeSpan interval, Action action, ICancelable cancelable) =>
        Repeat(initialDelay, new RepeatingTimer(this, cancelable, interval, action));

    protected override void InternalScheduleRepeatedly(TimeSpan initialDelay, TimeSpan interval, IRunnable action, ICancelable cancelable) =>
        Repeat(initialDelay, new RepeatingTimer(this, cancelable, interval, action.Run));

    private void Once(TimeSpan delay, Action action, ICancelable? cancelable)
    {
        if (Armed() is { } kernel) kernel.Clock.ScheduleAfter(delay, new OnceTimer(this, cancelable, action));
    }

    private void Repeat(TimeSpan initialDelay, RepeatingTimer timer)
    {
        if (Armed() is not { } kernel) return;
        timer.Due = kernel.Clock.Now + initialDelay;
        kernel.Clock.Schedule(timer.Due, timer);
    }

    // A timer of this scheduler is its own clock item (no closure per timer): it runs only in the epoch of the binding it
    // was armed in, and not once its cancelable was cancelled.
    private abstract class Timer(VirtualScheduler scheduler, ICancelable? cancelable) : ClockItem
    {
        private readonly long _epoch = scheduler._binding.Epoch;

        protected VirtualScheduler Scheduler => scheduler;

        protected bool Live => scheduler.Live(_epoch) && cancelable is not { IsCancellationRequested: true };

        /// <summary>The timer's work, run by <see cref="Run"/> while the timer is live.</summary>
        public abstract void Work();

        protected override void Run()
        {
            if (Live) Work();
        }
    }

    private sealed class OnceTimer(VirtualScheduler scheduler, ICancelable? cancelable, Action action) : Timer(scheduler, cancelable)
    {
        public override void Work() => action();
    }

    private sealed class TellTimer(VirtualScheduler scheduler, ICancelable? cancelable, ICanTell receiver, object message, IActorRef sender)
        : Timer(scheduler, cancelable)
    {
        public override void Work() => receiver.Tell(message, sender);
    }

    private sealed class RepeatingTimer(VirtualScheduler scheduler, ICancelable? cancelable, TimeSpan interval, Action work) : Timer(scheduler, cancelable)
    {
        public Domain.Time.SimInstant Due { get; set; }

        public override void Work() => work();

        protected override void Run()
        {
            if (!Live) return;
            // Re-arm from the due time, not from when the loop got here: no drift. Armed before the work runs, as the
            // work may arm timers of its own.
            if (Scheduler.Armed() is { } kernel)
            {
                Due += interval;
                kernel.Clock.Schedule(Due, this);
            }
            Work();
        }
    }

    /// <summary>
    /// The kernel to arm a timer on; null after disposal, while the incarnation's actors stop (an ended incarnation's
    /// timers never fire, as a terminated system's did not) and while parked (and the binding is tainted then).
    /// </summary>
    private SimulationKernel? Armed()
    {
        if (_disposed) return null;
        if (_binding.Kernel is not { } kernel)
        {
            _binding.Taint();
            return null;
        }
        return _binding.Draining ? null : kernel;
    }

    private bool Live(long epoch) => !_disposed && _binding.Epoch == epoch;

    public void Dispose() => _disposed = true;
}
