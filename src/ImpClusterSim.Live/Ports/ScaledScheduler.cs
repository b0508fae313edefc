using Akka.Actor;
using Akka.Configuration;
using Akka.Dispatch;
using Akka.Event;

namespace ImpClusterSim.Live.Ports;

/// <summary>
/// The scheduler of a node's ActorSystem in live mode: a delay of d virtual time fires after d / speed of wall time,
/// so a service's 30-minute timer fires after 15 wall seconds at speed 120. Speed and epoch come from
/// <c>impsim.live.speed</c>, <c>impsim.live.epoch-unix-ms</c> and <c>impsim.live.origin-ticks</c>. Cluster and
/// remoting run in another ActorSystem of the process with Akka's own real-time scheduler, so their heartbeats are
/// never scaled.
/// </summary>
public sealed class ScaledScheduler : SchedulerBase, IDisposable
{
    private readonly LiveTime _time;
    private readonly Lock _lock = new();
    private readonly HashSet<Timer> _timers = [];
    private bool _disposed;

    public ScaledScheduler(Config config, ILoggingAdapter log) : base(config, log)
    {
        _time = LiveHocon.TimeOf(config);
    }

    protected override DateTimeOffset TimeNow => _time.Now.ToDateTimeOffset();

    public override TimeSpan MonotonicClock => _time.Elapsed;

    public override TimeSpan HighResMonotonicClock => _time.Elapsed;

    protected override void InternalScheduleTellOnce(TimeSpan delay, ICanTell receiver, object message, IActorRef sender, ICancelable cancelable) =>
        Start(delay, null, () => receiver.Tell(message, sender), cancelable);

    protected override void InternalScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, ICanTell receiver, object message, IActorRef sender, ICancelable cancelable) =>
        Start(initialDelay, interval, () => receiver.Tell(message, sender), cancelable);

    protected override void InternalScheduleOnce(TimeSpan delay, Action action, ICancelable cancelable) =>
        Start(delay, null, action, cancelable);

    protected override void InternalScheduleOnce(TimeSpan delay, IRunnable action, ICancelable cancelable) =>
        Start(delay, null, action.Run, cancelable);

    protected override void InternalScheduleRepeatedly(TimeSpan initialDelay, TimeSpan interval, Action action, ICancelable cancelable) =>
        Start(initialDelay, interval, action, cancelable);

    protected override void InternalScheduleRepeatedly(TimeSpan initialDelay, TimeSpan interval, IRunnable action, ICancelable cancelable) =>
        Start(initialDelay, interval, action.Run, cancelable);

    private void Start(TimeSpan delay, TimeSpan? interval, Action action, ICancelable? cancelable)
    {
        Timer? timer = null;
        void Fire(object? _)
        {
            if (cancelable is { IsCancellationRequested: true })
            {
                Drop(timer);
                return;
            }
            try
            {
                action();
            }
            catch (Exception e)
            {
                Log.Error(e, "a scheduled action failed");
            }
            if (interval is null) Drop(timer);
        }
        lock (_lock)
        {
            if (_disposed) return;
            var period = interval is { } i ? Max1ms(_time.Wall(i)) : Timeout.InfiniteTimeSpan;
            timer = new Timer(Fire, null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _timers.Add(timer);
            timer.Change(_time.Wall(delay), period);
        }
        cancelable?.Token.Register(() => Drop(timer));
    }

    private static TimeSpan Max1ms(TimeSpan t) => t < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : t;

    private void Drop(Timer? timer)
    {
        if (timer is null) return;
        lock (_lock) _timers.Remove(timer);
        timer.Dispose();
    }

    public void Dispose()
    {
        Timer[] timers;
        lock (_lock)
        {
            _disposed = true;
            timers = [.. _timers];
            _timers.Clear();
        }
        foreach (var t in timers) t.Dispose();
    }
}
