namespace ImpClusterSim.Simulation.Network;

/// <summary>
/// A network partition between two disjoint sets of nodes (a whole cluster is given as its node set). Sides are kept
/// in ordinal order so that traces do not depend on how they were listed.
/// </summary>
public sealed record Partition
{
    private readonly HashSet<string> _a;
    private readonly HashSet<string> _b;

    public Partition(string id, IEnumerable<string> sideA, IEnumerable<string> sideB, PartitionDirection direction = PartitionDirection.BothWays)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        Id = id;
        Direction = direction;
        SideA = sideA.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        SideB = sideB.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (SideA.Count == 0 || SideB.Count == 0) throw new ArgumentException($"partition '{id}' needs nodes on both sides");
        _a = new HashSet<string>(SideA, StringComparer.Ordinal);
        _b = new HashSet<string>(SideB, StringComparer.Ordinal);
        var both = SideA.Where(_b.Contains).ToArray();
        if (both.Length > 0) throw new ArgumentException($"partition '{id}': {string.Join(", ", both)} on both sides");
    }

    public string Id { get; }
    public IReadOnlyList<string> SideA { get; }
    public IReadOnlyList<string> SideB { get; }
    public PartitionDirection Direction { get; }

    /// <summary>True if this partition drops messages from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public bool Blocks(string from, string to) =>
        (_a.Contains(from) && _b.Contains(to))
        || (Direction == PartitionDirection.BothWays && _b.Contains(from) && _a.Contains(to));

    public bool Equals(Partition? other) =>
        other is not null && Id == other.Id && Direction == other.Direction
        && SideA.SequenceEqual(other.SideA) && SideB.SequenceEqual(other.SideB);

    public override int GetHashCode() => HashCode.Combine(Id, Direction, SideA.Count, SideB.Count);
}
