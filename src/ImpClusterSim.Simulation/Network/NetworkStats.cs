namespace ImpClusterSim.Simulation.Network;

/// <summary>Counters of a <see cref="SimulatedNetwork"/> at one moment. Delivered includes duplicate deliveries.</summary>
public sealed record NetworkStats(
    long Sent,
    long Delivered,
    long Duplicated,
    long DroppedByPartition,
    long DroppedByLoss,
    long DroppedNodeDown,
    long InFlight)
{
    public long Dropped => DroppedByPartition + DroppedByLoss + DroppedNodeDown;

    public long DroppedBy(DropReason reason) => reason switch
    {
        DropReason.Partition => DroppedByPartition,
        DropReason.Loss => DroppedByLoss,
        _ => DroppedNodeDown,
    };
}
