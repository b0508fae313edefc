namespace ImpClusterSim.Node.Ports;

/// <summary>
/// A write to a node's disk failed (an I/O error, a fault of the environment). <see cref="IDurableStore.Put{T}"/> and
/// <see cref="IDurableStore.Delete"/> throw it and change nothing: the caller refuses the operation it was persisting,
/// so nothing is half-applied (docs/chaos.md, "Disk faults").
/// </summary>
public sealed class DiskWriteFailedException(string node, string key)
    : IOException($"{node}: the write of '{key}' to the disk failed (I/O error); nothing was changed")
{
    public string Node { get; } = node;

    public string Key { get; } = key;

    /// <summary>What an administrator is told when the operation is refused because <paramref name="node"/>'s disk write failed.</summary>
    public static string Refusal(string node) =>
        $"The operation failed: {node} could not write to its disk (I/O error). Nothing was changed.";
}
