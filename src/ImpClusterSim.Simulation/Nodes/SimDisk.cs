using ImpClusterSim.Node.Ports;

namespace ImpClusterSim.Simulation.Nodes;

/// <summary>
/// A node's simulated disk: survives crash and restart, because it belongs to the <see cref="SimNode"/>, not to the
/// ActorSystem of one incarnation. Keys are kept sorted so that listing them is deterministic. A disk fault
/// (<see cref="Failing"/>) makes every write fail with <see cref="DiskWriteFailedException"/> and change nothing;
/// reads still work (what is on the disk stays readable).
/// </summary>
public sealed class SimDisk(string owner = "") : IDurableStore
{
    private readonly SortedDictionary<string, object> _entries = new(StringComparer.Ordinal);

    /// <summary>The node the disk belongs to (named in write errors).</summary>
    public string Owner { get; } = owner;

    public long Writes { get; private set; }

    /// <summary>While true (a disk fault), every Put and Delete throws <see cref="DiskWriteFailedException"/> and changes nothing.</summary>
    public bool Failing { get; set; }

    /// <summary>Writes refused by a disk fault so far.</summary>
    public long FailedWrites { get; private set; }

    /// <summary>Called after each put with its key and value (tests watch every state a crash could find).</summary>
    public event Action<string, object>? Written;

    public bool TryGet<T>(string key, out T value) where T : notnull
    {
        if (_entries.TryGetValue(key, out var v) && v is T t)
        {
            value = t;
            return true;
        }
        value = default!;
        return false;
    }

    public void Put<T>(string key, T value) where T : notnull
    {
        RefuseIfFailing(key);
        _entries[key] = value;
        Writes++;
        Written?.Invoke(key, value);
    }

    public bool Delete(string key)
    {
        RefuseIfFailing(key);
        Writes++;
        return _entries.Remove(key);
    }

    public IReadOnlyList<string> Keys(string prefix) =>
        _entries.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).ToArray();

    private void RefuseIfFailing(string key)
    {
        if (!Failing) return;
        FailedWrites++;
        throw new DiskWriteFailedException(Owner, key);
    }
}
