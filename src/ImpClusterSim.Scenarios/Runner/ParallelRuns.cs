using System.Collections.Immutable;

namespace ImpClusterSim.Scenarios.Runner;

/// <summary>
/// Plays many independent runs (one per seed, or per grid point and seed) on up to <c>jobs</c> dedicated threads.
/// Each run is played whole on one thread (a <see cref="Simulation.SimulationRun"/> has its own virtual clock and its
/// own single loop thread: the thread that creates it), and the results come back in the order of the items, whatever
/// the number of threads and whichever finished first: the output of a campaign or a sweep does not depend on
/// <c>jobs</c>. Wall-clock threads are used here, at the boundary, never inside a run.
/// </summary>
public static class ParallelRuns
{
    /// <summary>The most threads a caller may ask for.</summary>
    public const int MaxJobs = 256;

    /// <summary>
    /// Plays <paramref name="play"/> on every item, at most <paramref name="jobs"/> at a time (1 to <see cref="MaxJobs"/>),
    /// and returns the results in item order. <paramref name="completed"/> is called after each run with the number of
    /// runs finished so far (from a worker thread; calls are serialised). If a run throws, no new run starts and the
    /// first exception (in item order) is rethrown once every started run has finished.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="jobs"/> is outside 1..<see cref="MaxJobs"/>.</exception>
    public static ImmutableArray<TResult> Play<TItem, TResult>(
        IReadOnlyList<TItem> items, int jobs, Func<TItem, TResult> play, Action<int>? completed = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(play);
        if (jobs is < 1 or > MaxJobs) throw new ArgumentOutOfRangeException(nameof(jobs), jobs, $"jobs must be 1 to {MaxJobs}");

        var results = new TResult[items.Count];
        var failures = new Exception?[items.Count];
        var next = -1;
        var done = 0;
        var failed = 0;
        var report = new object();

        void Worker()
        {
            while (Volatile.Read(ref failed) == 0)
            {
                var index = Interlocked.Increment(ref next);
                if (index >= items.Count) return;
                try
                {
                    results[index] = play(items[index]);
                }
                catch (Exception e)
                {
                    failures[index] = e;
                    Interlocked.Exchange(ref failed, 1);
                    return;
                }

                // Counted and reported under one lock, so the reports come in order (1, 2, 3, ...), each once.
                lock (report) completed?.Invoke(++done);
            }
        }

        var count = Math.Min(jobs, Math.Max(1, items.Count));
        if (count == 1) Worker();
        else
        {
            var threads = Enumerable.Range(0, count)
                .Select(i => new Thread(Worker) { IsBackground = true, Name = $"impsim-run-{i + 1}", })
                .ToList();
            foreach (var t in threads) t.Start();
            foreach (var t in threads) t.Join();
        }

        if (failures.FirstOrDefault(f => f is not null) is { } first)
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(first).Throw();
        return [.. results];
    }
}
