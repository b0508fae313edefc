namespace ImpClusterSim.Simulation.Network;

/// <summary>
/// Which <see cref="LinkModel"/> each directed link follows: an override for the node pair wins over one for the
/// cluster pair, which wins over the default. The node-to-cluster map is handed in (nodes absent from it belong to no
/// cluster). Changed at run time through <see cref="SimulatedNetwork.ChangeLinkModel"/> so that changes are traced.
/// </summary>
public sealed class NetworkModel
{
    private readonly Dictionary<string, string> _clusterOf;
    private readonly Dictionary<(string From, string To), LinkModel> _nodePairs = new();
    private readonly Dictionary<(string From, string To), LinkModel> _clusterPairs = new();

    public NetworkModel(LinkModel defaultLink, IReadOnlyDictionary<string, string>? clusterOfNode = null)
    {
        Default = defaultLink.Validated();
        _clusterOf = new Dictionary<string, string>(StringComparer.Ordinal);
        if (clusterOfNode is null) return;
        foreach (var (node, cluster) in clusterOfNode) _clusterOf[node] = cluster;
    }

    public LinkModel Default { get; private set; }

    /// <summary>Counts the changes of the model (<see cref="Set"/>, <see cref="Clear"/>): a link's model read at one version holds until the next.</summary>
    public long Version { get; private set; }

    /// <summary>The cluster of <paramref name="node"/>, if the map names one.</summary>
    public string? ClusterOf(string node) => _clusterOf.GetValueOrDefault(node);

    /// <summary>Every node of <paramref name="cluster"/>, in ordinal order (handy for cluster partitions).</summary>
    public IReadOnlyList<string> NodesOf(string cluster) =>
        _clusterOf.Where(kv => kv.Value == cluster).Select(kv => kv.Key).Order(StringComparer.Ordinal).ToArray();

    /// <summary>The model that applies to messages from <paramref name="from"/> to <paramref name="to"/> now.</summary>
    public LinkModel For(string from, string to)
    {
        if (_nodePairs.TryGetValue((from, to), out var link)) return link;
        if (_clusterOf.TryGetValue(from, out var fromCluster)
            && _clusterOf.TryGetValue(to, out var toCluster)
            && _clusterPairs.TryGetValue((fromCluster, toCluster), out link))
            return link;
        return Default;
    }

    /// <summary>Sets the model of <paramref name="scope"/>.</summary>
    public void Set(LinkScope scope, LinkModel model)
    {
        model = model.Validated();
        Version++;
        switch (scope.Kind)
        {
            case LinkScopeKind.NodePair: _nodePairs[(scope.From, scope.To)] = model; break;
            case LinkScopeKind.ClusterPair: _clusterPairs[(scope.From, scope.To)] = model; break;
            default: Default = model; break;
        }
    }

    /// <summary>Removes the override of <paramref name="scope"/> (the default cannot be removed); true if there was one.</summary>
    public bool Clear(LinkScope scope)
    {
        var removed = scope.Kind switch
        {
            LinkScopeKind.NodePair => _nodePairs.Remove((scope.From, scope.To)),
            LinkScopeKind.ClusterPair => _clusterPairs.Remove((scope.From, scope.To)),
            _ => throw new InvalidOperationException("the default link model can be replaced, not cleared"),
        };
        if (removed) Version++;
        return removed;
    }
}
