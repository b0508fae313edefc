namespace ImpClusterSim.Simulation.Network;

/// <summary>Which links a <see cref="LinkModel"/> applies to: the default, one directed node pair, or one directed cluster pair.</summary>
public sealed record LinkScope
{
    private LinkScope(LinkScopeKind kind, string from, string to) => (Kind, From, To) = (kind, from, to);

    public LinkScopeKind Kind { get; }

    /// <summary>Sending node or cluster; empty for the default.</summary>
    public string From { get; }

    /// <summary>Receiving node or cluster; empty for the default.</summary>
    public string To { get; }

    public static LinkScope Default { get; } = new(LinkScopeKind.Default, "", "");

    /// <summary>Messages from node <paramref name="from"/> to node <paramref name="to"/> (one direction only).</summary>
    public static LinkScope Nodes(string from, string to)
    {
        ArgumentException.ThrowIfNullOrEmpty(from);
        ArgumentException.ThrowIfNullOrEmpty(to);
        return new(LinkScopeKind.NodePair, from, to);
    }

    /// <summary>Messages from any node of cluster <paramref name="from"/> to any node of cluster <paramref name="to"/>.</summary>
    public static LinkScope Clusters(string from, string to)
    {
        ArgumentException.ThrowIfNullOrEmpty(from);
        ArgumentException.ThrowIfNullOrEmpty(to);
        return new(LinkScopeKind.ClusterPair, from, to);
    }

    /// <summary>The same scope in the other direction.</summary>
    public LinkScope Reversed() => Kind == LinkScopeKind.Default ? this : new(Kind, To, From);

    public string Describe() => Kind switch
    {
        LinkScopeKind.NodePair => $"node {From}->{To}",
        LinkScopeKind.ClusterPair => $"cluster {From}->{To}",
        _ => "default",
    };
}
