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
    public ClockItem Schedule(SimInstant due, Action action)
    {
        var item = new ClockItem(action);
        var at = due < Now ? Now : due;
        _queue.Enqueue(item, (at.UtcTicks, _sequence++));
        return item;
    }

    public ClockItem ScheduleAfter(TimeSpan delay, Action action) =>
        Schedule(Now + (delay < TimeSpan.Zero ? TimeSpan.Zero : delay), action);

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

/// <summary>A scheduled action; cancel it to make it a no-op.</summary>
public sealed class ClockItem(Action action)
{
    private Action? _action = action;

    public bool IsCancelled => _action is null;

    public bool Cancel()
    {
        if (_action is null) return false;
        _action = null;
        return true;
    }

    internal void Fire()
    {
        var a = _action;
        _action = null;
        a?.Invoke();
    }
}
