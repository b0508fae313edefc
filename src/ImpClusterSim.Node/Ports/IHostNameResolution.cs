namespace ImpClusterSim.Node.Ports;

/// <summary>
/// How a node's resolver (DNS) answers for another node's host name: the environment's part of name resolution. The
/// names themselves come from the deployment (<see cref="Runtime.NodeSetup.Resolve"/>); this port says whether the lookup
/// from one node for another fails or is slow, a fault of the environment (Cisco's inter-clustering troubleshooting note:
/// a node that cannot resolve its peer's host name shows the peer "Not reachable" while the peer, which resolves this
/// node, stays secure). Answers must be given on the run's loop thread.
/// </summary>
public interface IHostNameResolution
{
    /// <summary>The outcome of <paramref name="fromNode"/> looking up the host name of <paramref name="toNode"/> (both node names).</summary>
    HostLookup Lookup(string fromNode, string toNode);
}

/// <summary>
/// A name lookup's outcome: <see cref="Resolves"/> false when the name does not resolve (no answer, NXDOMAIN);
/// otherwise it resolves after <see cref="Delay"/> (virtual time; zero for a healthy resolver).
/// </summary>
public sealed record HostLookup(bool Resolves, TimeSpan Delay)
{
    public static readonly HostLookup Healthy = new(true, TimeSpan.Zero);

    public static readonly HostLookup Fails = new(false, TimeSpan.Zero);
}

/// <summary>A resolver without faults: every name of the deployment resolves at once.</summary>
public sealed class HealthyHostNameResolution : IHostNameResolution
{
    public static readonly HealthyHostNameResolution Instance = new();

    public HostLookup Lookup(string fromNode, string toNode) => HostLookup.Healthy;
}
