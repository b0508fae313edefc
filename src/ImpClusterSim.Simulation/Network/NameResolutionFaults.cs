using ImpClusterSim.Node.Ports;

namespace ImpClusterSim.Simulation.Network;

/// <summary>
/// The run's name-resolution faults: which node cannot resolve (or resolves slowly) which other node's host name. A
/// lookup is decided when the node makes it; only that node's lookups are affected, so its peer still reaches it and
/// replies still come back (unlike a one-way partition, which also drops the replies). Several faults may name the
/// same pair: a failing one wins, else the longest delay. Loop thread only.
/// </summary>
public sealed class NameResolutionFaults : IHostNameResolution
{
    private readonly SortedDictionary<string, (string From, string To, HostLookup Lookup)> _faults = new(StringComparer.Ordinal);

    /// <summary>The faults in force, by id (ordinal order).</summary>
    public IReadOnlyCollection<string> Ids => _faults.Keys;

    public HostLookup Lookup(string fromNode, string toNode)
    {
        var result = HostLookup.Healthy;
        foreach (var (from, to, lookup) in _faults.Values)
        {
            if (from != fromNode || to != toNode) continue;
            if (!lookup.Resolves) return HostLookup.Fails;
            if (lookup.Delay > result.Delay) result = lookup;
        }
        return result;
    }

    /// <summary>From now on, <paramref name="fromNode"/>'s lookups of <paramref name="toNode"/>'s name fail (delay null) or take <paramref name="delay"/>.</summary>
    public void Start(string id, string fromNode, string toNode, TimeSpan? delay)
    {
        if (delay is { } d && d < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(delay), d, "a resolution delay cannot be negative");
        if (!_faults.TryAdd(id, (fromNode, toNode, delay is { } slow ? new HostLookup(true, slow) : HostLookup.Fails)))
            throw new ArgumentException($"a name-resolution fault with id '{id}' is already in force", nameof(id));
    }

    /// <summary>Ends the fault (false if no fault has that id).</summary>
    public bool Heal(string id) => _faults.Remove(id);

    public void HealAll() => _faults.Clear();
}
