using System.Collections.Immutable;

namespace ImpClusterSim.Live.Distributed;

/// <summary>
/// The coordinator's book of work (docs/distributed.md, "Leases"): which items are still to lease (the pool, smallest
/// first), which lease each leased item is in and which worker holds it, when each worker was last heard from (wall
/// time since the coordinator started), and the first result of each item. A worker that leaves or is silent longer
/// than the lease timeout loses its leases: their unfinished items go back to the pool and are leased again. A result
/// that comes twice (a re-leased item that the first worker finished after all) is kept once: runs are deterministic,
/// so either copy is the same. No Akka, no clock: the actor shell passes the time in.
/// </summary>
public sealed class LeaseBook
{
    /// <summary>The most items of one lease.</summary>
    public const int MaxLease = 64;

    private readonly object?[] _results;
    private readonly SortedSet<int> _pool;
    private readonly Dictionary<int, long> _leaseOf = [];
    private readonly Dictionary<long, (string Worker, HashSet<int> Items)> _leases = [];
    private readonly Dictionary<string, WorkerEntry> _workers = new(StringComparer.Ordinal);
    private long _nextLease;

    /// <param name="items">How many items (0 to 1,000,000).</param>
    public LeaseBook(int items)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(items);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(items, 1_000_000);
        _results = new object?[items];
        _pool = [.. Enumerable.Range(0, items)];
    }

    public int Items => _results.Length;

    /// <summary>Items with a result.</summary>
    public int Done { get; private set; }

    /// <summary>Items whose result the caller judged a failure.</summary>
    public int Failures { get; private set; }

    public bool Complete => Done == _results.Length;

    /// <summary>Every item's first result, null for items not played (yet), in item order.</summary>
    public IReadOnlyList<object?> Results => _results;

    /// <summary>The workers taking part now (not lost), by id.</summary>
    public IEnumerable<WorkerEntry> Workers => _workers.Values.Where(w => !w.Lost).OrderBy(w => w.Id, StringComparer.Ordinal);

    /// <summary>Items leased and not done.</summary>
    public int Leased => _leaseOf.Count;

    /// <summary>A worker joins (or comes back after it was lost) with <paramref name="jobs"/> runs at once.</summary>
    public void AddWorker(string id, int jobs, TimeSpan now)
    {
        if (_workers.TryGetValue(id, out var known)) known.Lost = false;
        else _workers[id] = known = new WorkerEntry(id, Math.Max(1, jobs));
        known.LastHeard = now;
    }

    public bool Knows(string id) => _workers.TryGetValue(id, out var w) && !w.Lost;

    /// <summary>The worker said something at <paramref name="now"/>.</summary>
    public void Heard(string id, TimeSpan now)
    {
        if (_workers.TryGetValue(id, out var w)) w.LastHeard = now;
    }

    /// <summary>
    /// A lease for <paramref name="worker"/> of at most <paramref name="wanted"/> items from the pool (smallest
    /// first), smaller as the pool empties so the last items spread over the workers; null when the pool is empty.
    /// </summary>
    public (long Lease, ImmutableArray<int> Items)? Grant(string worker, int wanted)
    {
        if (!Knows(worker) || _pool.Count == 0 || wanted < 1) return null;
        var capacity = Math.Max(1, Workers.Sum(w => w.Jobs));
        var share = Math.Max(1, (_pool.Count + 2 * capacity - 1) / (2 * capacity));
        var size = Math.Min(Math.Min(wanted, share), MaxLease);
        var items = _pool.Take(size).ToImmutableArray();
        var id = ++_nextLease;
        _leases[id] = (worker, [.. items]);
        foreach (var i in items)
        {
            _pool.Remove(i);
            _leaseOf[i] = id;
        }

        return (id, items);
    }

    /// <summary>
    /// Records <paramref name="result"/> of <paramref name="item"/> played by <paramref name="worker"/>; true when it is
    /// the item's first result (false: a duplicate, ignored, or an item out of range).
    /// </summary>
    public bool Record(string worker, int item, object result, bool failure)
    {
        if (item < 0 || item >= _results.Length || _results[item] is not null) return false;
        _results[item] = result;
        Done++;
        if (failure) Failures++;
        _pool.Remove(item);
        if (_leaseOf.Remove(item, out var lease) && _leases.TryGetValue(lease, out var l))
        {
            l.Items.Remove(item);
            if (l.Items.Count == 0) _leases.Remove(lease);
        }

        if (_workers.TryGetValue(worker, out var w)) w.Played++;
        return true;
    }

    /// <summary>The worker is gone: its leases' unfinished items go back to the pool. Returns how many.</summary>
    public int Lose(string worker)
    {
        if (_workers.TryGetValue(worker, out var w)) w.Lost = true;
        var returned = 0;
        foreach (var (id, lease) in _leases.Where(l => l.Value.Worker == worker).ToList())
        {
            foreach (var i in lease.Items)
            {
                _leaseOf.Remove(i);
                if (_results[i] is null && _pool.Add(i)) returned++;
            }

            _leases.Remove(id);
        }

        return returned;
    }

    /// <summary>Workers not heard from for longer than <paramref name="timeout"/> at <paramref name="now"/> (not yet lost).</summary>
    public IReadOnlyList<string> Silent(TimeSpan now, TimeSpan timeout) =>
        [.. Workers.Where(w => now - w.LastHeard > timeout).Select(w => w.Id)];
}

/// <summary>A worker in the <see cref="LeaseBook"/>: its id (actor path), runs at once, results given, last heard (wall time since start).</summary>
public sealed class WorkerEntry(string id, int jobs)
{
    public string Id { get; } = id;

    public int Jobs { get; } = jobs;

    public int Played { get; internal set; }

    public TimeSpan LastHeard { get; internal set; }

    public bool Lost { get; internal set; }
}
