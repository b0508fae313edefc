using System.Collections.Immutable;
using ImpClusterSim.Domain.Time;
using ImpClusterSim.Domain.Topology;

namespace ImpClusterSim.Scenarios.Chaos;

/// <summary>
/// Shrinks a failing fault schedule to a small one that fails with the same <see cref="FailureSignature"/> on the same
/// world (docs/chaos.md, "Shrinking"). Delta debugging (Zeller and Hildebrandt's ddmin): first no fault at all, then
/// halves and complements of ever smaller chunks down to single faults (the result is 1-minimal: dropping any one fault
/// loses the failure); then each fault is simplified: windows and restart delays halved while the failure stays, a cluster
/// side narrowed to its publisher, a list to its first node, a link change to fewer settings. Every candidate is one
/// run; at most <c>budget</c> runs are made, and the smallest failing schedule found so far is the answer.
/// </summary>
public sealed class ScheduleShrinker(Func<IReadOnlyList<ScheduledFault>, FailureSignature?> play, FailureSignature target, int budget, Deployment topology)
{
    private static readonly TimeSpan ShortestWindow = TimeSpan.FromSeconds(30);
    private readonly Dictionary<string, bool> _tried = new(StringComparer.Ordinal);

    /// <summary>Runs made so far.</summary>
    public int Runs { get; private set; }

    /// <summary>True when the budget ran out before the shrinker had tried everything.</summary>
    public bool BudgetExhausted { get; private set; }

    public ImmutableArray<ScheduledFault> Shrink(IReadOnlyList<ScheduledFault> failing)
    {
        var current = failing.ToList();
        if (Fails([])) return [];
        current = Ddmin(current);
        current = Simplify(current);
        return [.. current];
    }

    private List<ScheduledFault> Ddmin(List<ScheduledFault> faults)
    {
        var n = 2;
        while (faults.Count >= 2 && !BudgetExhausted)
        {
            var chunks = Split(faults, n);
            var reduced = false;
            foreach (var chunk in chunks)
            {
                if (!Fails(chunk)) continue;
                faults = chunk;
                n = 2;
                reduced = true;
                break;
            }

            if (!reduced && n > 2)
            {
                foreach (var chunk in chunks)
                {
                    var complement = faults.Where(f => !chunk.Contains(f)).ToList();
                    if (!Fails(complement)) continue;
                    faults = complement;
                    n = Math.Max(n - 1, 2);
                    reduced = true;
                    break;
                }
            }

            if (reduced) continue;
            if (n >= faults.Count) break;
            n = Math.Min(2 * n, faults.Count);
        }

        return faults;
    }

    private List<ScheduledFault> Simplify(List<ScheduledFault> faults)
    {
        for (var i = 0; i < faults.Count && !BudgetExhausted; i++)
        {
            bool changed;
            do
            {
                changed = false;
                foreach (var candidate in Simpler(faults[i]))
                {
                    var trial = faults.ToList();
                    trial[i] = candidate;
                    if (!Fails(trial)) continue;
                    faults = trial;
                    changed = true;
                    break;
                }
            }
            while (changed && !BudgetExhausted);
        }

        return faults;
    }

    /// <summary>Simpler versions of one fault, most promising first.</summary>
    private IEnumerable<ScheduledFault> Simpler(ScheduledFault f)
    {
        if (f.For is { } d && d >= 2 * ShortestWindow) yield return f with { For = Half(d) };
        if (f.Arg("restart-after") is { } r && DurationText.Parse(r) is var back && back >= 2 * ShortestWindow)
            yield return f.WithArg("restart-after", DurationText.Format(Half(back)));
        foreach (var side in new[] { "a", "b" })
        {
            if (f.Arg(side) is not { } value) continue;
            var names = ScheduledFault.Names(value).ToArray();
            if (names.Length > 1) yield return f.WithArg(side, names[0]);
            else if (topology.ImpClusters.FirstOrDefault(c => c.Name == names[0]) is { } cluster)
                yield return f.WithArg(side, cluster.Publisher.Name);
        }

        if (f.Kind == "link")
        {
            var settings = new[] { "latency", "loss", "duplication", "reorder" }.Where(k => f.Arg(k) is not null).ToArray();
            if (settings.Length > 1)
                foreach (var k in settings)
                    yield return f.WithArg(k, null);
        }
    }

    private static TimeSpan Half(TimeSpan d) => TimeSpan.FromSeconds(Math.Floor(d.TotalSeconds / 2));

    private bool Fails(IReadOnlyList<ScheduledFault> faults)
    {
        var key = string.Join("\n", faults.Select(f => f.ToYaml()));
        if (_tried.TryGetValue(key, out var known)) return known;
        if (Runs >= budget)
        {
            BudgetExhausted = true;
            return false;
        }

        Runs++;
        var fails = play(faults) == target;
        _tried[key] = fails;
        return fails;
    }

    private static List<List<ScheduledFault>> Split(List<ScheduledFault> faults, int n)
    {
        var chunks = new List<List<ScheduledFault>>();
        var start = 0;
        for (var i = 0; i < n; i++)
        {
            var size = (faults.Count - start) / (n - i);
            if (size == 0) continue;
            chunks.Add(faults.GetRange(start, size));
            start += size;
        }

        return chunks;
    }
}
