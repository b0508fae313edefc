using ImpClusterSim.Domain.Time;
using ImpClusterSim.Node.Ports;

namespace ImpClusterSim.Live.Ports;

/// <summary>
/// A node's clock in live mode: the run's scaled wall time plus the node's skew (a fault set by the coordinator;
/// only this node sees it). Without skew it is the run clock every node shares. <see cref="Time"/> is replaced once,
/// when the coordinator starts the run (every process then shares its epoch).
/// </summary>
public sealed class LiveClock(LiveTime time) : INodeClock
{
    private long _skewTicks;
    private LiveTime _time = time;

    public LiveTime Time
    {
        get => Volatile.Read(ref _time);
        set => Volatile.Write(ref _time, value);
    }

    public TimeSpan Skew
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _skewTicks));
        set => Interlocked.Exchange(ref _skewTicks, value.Ticks);
    }

    public SimInstant Now => Time.Now + Skew;
}

/// <summary>The run clock in live mode (no skew): what traces are stamped with, the same in every process.</summary>
public sealed class LiveRunClock(LiveClock clock) : INodeClock
{
    public SimInstant Now => clock.Time.Now;
}
