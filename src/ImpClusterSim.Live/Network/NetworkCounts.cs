namespace ImpClusterSim.Live.Network;

/// <summary>
/// What one node process's network port did with node messages since the process started (one incarnation):
/// <see cref="Sent"/> over Akka.Remote to another node process, <see cref="Delivered"/> (received from another node
/// process and handed to this node's services), <see cref="DroppedByFault"/> (a partition's cut or a loss draw the
/// coordinator injected) and <see cref="DroppedUnreachable"/> (the destination was not an Up, reachable member: a
/// killed or starting process). A message sent but never delivered was in flight, or lost with a killed process.
/// </summary>
public sealed record NetworkCounts(long Sent, long Delivered, long DroppedByFault, long DroppedUnreachable)
{
    public static NetworkCounts None { get; } = new(0, 0, 0, 0);

    /// <summary>Every message the port did not send (by a fault or to a node that was not Up).</summary>
    public long Dropped => DroppedByFault + DroppedUnreachable;

    public NetworkCounts Plus(NetworkCounts other) =>
        new(Sent + other.Sent, Delivered + other.Delivered, DroppedByFault + other.DroppedByFault, DroppedUnreachable + other.DroppedUnreachable);
}
