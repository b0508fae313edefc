namespace ImpClusterSim.Live.Network;

/// <summary>
/// A cut between two sets of nodes, set by the coordinator: node traffic from <see cref="From"/> to <see cref="To"/>
/// is dropped, and the other way too when <see cref="BothWays"/>. Cluster membership traffic is never cut (see
/// docs/live.md: Akka's failure detector must not down an IM&amp;P cluster because of an injected cut).
/// </summary>
public sealed record LinkCut(string Id, IReadOnlyList<string> From, IReadOnlyList<string> To, bool BothWays)
{
    public bool Blocks(string from, string to) =>
        (From.Contains(from) && To.Contains(to)) || (BothWays && To.Contains(from) && From.Contains(to));
}

/// <summary>
/// What the live network port does to node traffic now: cuts (partitions), a loss probability in [0, 1] and an added
/// one-way latency in virtual milliseconds (scaled to wall time by the run's speed). Replaced whole by each
/// instruction of the coordinator.
/// </summary>
public sealed record LinkRules(IReadOnlyList<LinkCut> Cuts, double Loss, long LatencyVirtualMs)
{
    public static LinkRules Open { get; } = new([], 0, 0);

    public LinkCut? CutBetween(string from, string to) => Cuts.FirstOrDefault(c => c.Blocks(from, to));
}
