using ImpClusterSim.Domain.Time;

namespace ImpClusterSim.Node.Ports;

/// <summary>One line of the run's trace: virtual time, node, actor path, event and its details (in a stable order).</summary>
public sealed record TraceEvent(
    SimInstant Time,
    string Node,
    string Path,
    string Event,
    IReadOnlyList<KeyValuePair<string, string>> Details)
{
    public static IReadOnlyList<KeyValuePair<string, string>> NoDetails { get; } = [];
}

/// <summary>Where simulated code records what happened. The trace's hash identifies the run.</summary>
public interface ITraceSink
{
    void Record(TraceEvent e);
}
