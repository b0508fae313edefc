namespace ImpClusterSim.Simulation.Network;

/// <summary>Why the network dropped a message.</summary>
public enum DropReason
{
    /// <summary>The directed link was blocked by a partition at send time or at delivery time.</summary>
    Partition,

    /// <summary>The link's loss rate drew it.</summary>
    Loss,

    /// <summary>The destination was down (unregistered) at send time, or went down or restarted while it was in flight.</summary>
    NodeDown,
}
