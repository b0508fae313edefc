using ImpClusterSim.Domain.Time;

namespace ImpClusterSim.Simulation.Kernel;

/// <summary>
/// The one clock of a run, shared by every ActorSystem in it. It holds every pending timer in one priority queue keyed
/// by (due time, insertion sequence): equal due times fire in the order they were scheduled, so a run is reproducible.
/// Time does not flow: the run loop pops the earliest item and jumps <see cref="Now"/> to its due time.
/// Not thread-safe by design: only the run's loop thread touches it.
/// </summary>
public sealed class VirtualClock
{
    private readonly PriorityQueue<ClockItem, (long Due, long Seq)> _queue = new();
    private long _sequence;

    public VirtualClock(SimInstant start) => Now = start;

    public SimInstant Now { get; private set; }

    /// <summary>Number of timers waiting (cancelled ones included until they are popped).</summary>
    public int Pending => _queue.Count;

    /// <summary>The due time of the earliest pending timer, if any.</summary>
    public SimInstant? NextDue => _queue.TryPeek(out _, out var key) ? new SimInstant(key.Due) : null;

    /// <summary>Runs <paramref name="action"/> at <paramref name="due"/> (or at once on the next fire if that is past).</summary>
    public ClockItem Schedule(SimInstant due, Action action) => Schedule(due, new ClockItem(action));

    /// <summary>
    /// Arms <paramref name="item"/> (a new one, or one that has fired and re-arms itself, such as a repeating timer) for
    /// <paramref name="due"/> and returns it; the same ordering as the overload that takes an action.
    /// </summary>
    /// <exception cref="InvalidOperationException">The item is armed already (it has not fired and was not cancelled).</exception>
    public ClockItem Schedule(SimInstant due, ClockItem item)
    {
        item.Arm();
        var at = due < Now ? Now : due;
        _queue.Enqueue(item, (at.UtcTicks, _sequence++));
        return item;
    }

    public ClockItem ScheduleAfter(TimeSpan delay, Action action) =>
        Schedule(Now + (delay < TimeSpan.Zero ? TimeSpan.Zero : delay), action);

    /// <summary>Arms <paramref name="item"/> <paramref name="delay"/> from now (a negative delay counts as none).</summary>
    public ClockItem ScheduleAfter(TimeSpan delay, ClockItem item) =>
        Schedule(Now + (delay < TimeSpan.Zero ? TimeSpan.Zero : delay), item);

    /// <summary>
    /// Pops the earliest timer due at or before <paramref name="limit"/>, moves <see cref="Now"/> to its due time and runs
    /// it. Returns false (and leaves Now where it was) when no timer is due by the limit.
    /// </summary>
    public bool FireNext(SimInstant limit)
    {
        while (_queue.TryPeek(out var item, out var key))
        {
            if (key.Due > limit.UtcTicks) return false;
            _queue.Dequeue();
            if (item.IsCancelled) continue;
            Now = new SimInstant(key.Due);
            item.Fire();
            return true;
        }
        return false;
    }

    /// <summary>Moves the clock forward to <paramref name="to"/> without firing (used at the end of a run's horizon).</summary>
    public void AdvanceTo(SimInstant to)
    {
        if (to > Now) Now = to;
    }
}

/// <summary>
/// A piece of work on the clock; cancel it to make it a no-op. Either an action, or a subclass that runs itself
/// (<see cref="Run"/>): a network message in flight or a repeating timer is its own item, so that arming it allocates
/// no delegate and no closure (a run arms tens of thousands).
/// </summary>
public class ClockItem
{
    private readonly Action? _action;
    private bool _armed;

    public ClockItem(Action action) => _action = action;

    /// <summary>For a subclass that overrides <see cref="Run"/>.</summary>
    protected ClockItem()
    {
    }

    /// <summary>True once it was cancelled or has fired (until it is armed again).</summary>
    public bool IsCancelled => !_armed;

    public bool Cancel()
    {
        if (!_armed) return false;
        _armed = false;
        return true;
    }

    internal void Arm()
    {
        if (_armed) throw new InvalidOperationException("the clock item is armed already");
        _armed = true;
    }

    internal void Fire()
    {
        if (!_armed) return;
        _armed = false;
        Run();
    }

    /// <summary>The work, on the loop thread at the item's due time.</summary>
    protected virtual void Run() => _action!();
}
