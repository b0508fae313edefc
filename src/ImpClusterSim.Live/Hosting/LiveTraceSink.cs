using ImpClusterSim.Live.Control;
using ImpClusterSim.Node.Ports;

namespace ImpClusterSim.Live;

/// <summary>
/// A node process's trace: kept in memory (bounded: the oldest half is dropped beyond <see cref="Capacity"/>) for the
/// coordinator to pull, and echoed to standard output (one line per event) for a person watching the process.
/// </summary>
public sealed class LiveTraceSink(TextWriter? echo) : ITraceSink
{
    public const int Capacity = 100_000;

    private readonly Lock _lock = new();
    private readonly List<TraceLine> _lines = [];
    private long _firstIndex;

    public void Record(TraceEvent e)
    {
        var line = new TraceLine(e.Time.UtcTicks, e.Node, e.Path, e.Event, e.Details);
        lock (_lock)
        {
            if (_lines.Count >= Capacity)
            {
                _lines.RemoveRange(0, Capacity / 2);
                _firstIndex += Capacity / 2;
            }
            _lines.Add(line);
        }
        echo?.WriteLine($"{e.Time.ToDateTime():O} {e.Node} {e.Path} {e.Event} {string.Join(", ", e.Details.Select(d => d.Key + "=" + d.Value))}");
    }

    /// <summary>Events after index <paramref name="after"/> (at most <paramref name="max"/>), and the next index.</summary>
    public TraceBatch Since(long after, int max = 2000)
    {
        lock (_lock)
        {
            var start = Math.Max(after, _firstIndex);
            var items = _lines.Skip((int)(start - _firstIndex)).Take(max).ToArray();
            return new TraceBatch(start + items.Length, items);
        }
    }
}
