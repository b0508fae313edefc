using System.Collections.Immutable;
using ImpClusterSim.Node.Ports;
using ImpClusterSim.Scenarios.Overrides;
using ImpClusterSim.Scenarios.Runner;

namespace ImpClusterSim.Scenarios.Chaos;

/// <summary>What a chaos experiment plays: the seeds, the generator's profile, parallelism and the shrinker's budget.</summary>
public sealed record ChaosOptions
{
    public ulong FirstSeed { get; init; } = 1;

    public int Seeds { get; init; } = 100;

    public ChaosProfile Profile { get; init; } = ChaosProfile.Default;

    /// <summary>Seeds played at once, each run on its own thread (1 to <see cref="ParallelRuns.MaxJobs"/>); results do not depend on it.</summary>
    public int Jobs { get; init; } = 1;

    /// <summary>Runs the shrinker may make per shrunk failure (0: do not shrink).</summary>
    public int ShrinkBudget { get; init; } = 300;

    /// <summary>The durable-store port of every run (planted-bug tests); null: the simulated disk.</summary>
    public Func<string, IDurableStore, IDurableStore>? DiskPort { get; init; }
}

/// <summary>A failure shrunk to a minimal schedule, and the scenario file that replays it.</summary>
public sealed record ShrunkFailure(
    ulong Seed,
    FailureSignature Signature,
    string Detail,
    ImmutableArray<ScheduledFault> Original,
    ImmutableArray<ScheduledFault> Minimal,
    int Runs,
    bool BudgetExhausted,
    string Yaml);

/// <summary>Every seed's verdict in seed order, and the first failure of each signature shrunk.</summary>
public sealed record ChaosResult(ChaosBase Base, ChaosOptions Options, ImmutableArray<ChaosVerdict> Verdicts, ImmutableArray<ShrunkFailure> Shrunk)
{
    public IEnumerable<ChaosVerdict> Failures => Verdicts.Where(v => !v.Passed);

    /// <summary>Failing seeds per signature, most frequent first (then by signature text).</summary>
    public ImmutableArray<(FailureSignature Signature, ImmutableArray<ulong> Seeds)> BySignature =>
    [
        .. Failures.GroupBy(v => v.Signature!)
            .Select(g => (g.Key, g.Select(v => v.Seed).ToImmutableArray()))
            .OrderByDescending(g => g.Item2.Length).ThenBy(g => g.Key.ToString(), StringComparer.Ordinal),
    ];
}

/// <summary>
/// A chaos experiment (docs/chaos.md): per seed, generate a schedule (<see cref="FaultScheduleGenerator"/>), play it
/// (<see cref="ChaosRun"/>), and judge it; then shrink the first failing seed of each signature
/// (<see cref="ScheduleShrinker"/>) and write the scenario that replays it. Seeds run in parallel on
/// <see cref="ChaosOptions.Jobs"/> threads (<see cref="ParallelRuns"/>); everything returned is in seed order.
/// </summary>
public static class ChaosExperiment
{
    public static ChaosSchedule Schedule(ChaosBase basis, ChaosProfile profile, ulong seed) =>
        new FaultScheduleGenerator(basis.Scenario.Deployment.Topology, basis.FaultsEnd, profile).Generate(seed);

    /// <summary>Plays every seed; <paramref name="progress"/> gets the number of runs finished (any thread, serialised).</summary>
    public static ChaosResult Run(ChaosBase basis, ChaosOptions options, Action<int>? progress = null, Action<string>? shrinking = null)
    {
        var seeds = Enumerable.Range(0, options.Seeds).Select(i => options.FirstSeed + (ulong)i).ToArray();
        var verdicts = ParallelRuns.Play(seeds, options.Jobs, seed => PlaySeed(basis, options, seed), progress);

        var shrunk = ImmutableArray.CreateBuilder<ShrunkFailure>();
        foreach (var v in ToShrink(verdicts, options))
        {
            shrinking?.Invoke($"shrinking seed {v.Seed} ({v.Faults.Length} faults): {v.Signature}");
            shrunk.Add(Shrink(basis, v, options));
        }

        return new ChaosResult(basis, options, verdicts, shrunk.ToImmutable());
    }

    /// <summary>Plays one seed of the experiment: its generated schedule on its world.</summary>
    public static ChaosVerdict PlaySeed(ChaosBase basis, ChaosOptions options, ulong seed) =>
        ChaosRun.Play(basis, seed, Schedule(basis, options.Profile, seed).Faults, options.DiskPort);

    /// <summary>The failures to shrink: the first failing seed of each signature, in seed order (none with a budget of 0).</summary>
    public static ImmutableArray<ChaosVerdict> ToShrink(IEnumerable<ChaosVerdict> verdicts, ChaosOptions options) =>
        options.ShrinkBudget <= 0
            ? []
            : [.. verdicts.Where(v => !v.Passed).GroupBy(v => v.Signature!).Select(g => g.First()).OrderBy(v => v.Seed)];

    /// <summary>Shrinks one failing run and writes the scenario text that replays the minimal schedule.</summary>
    /// <summary>
    /// The replay command in a shrunk file's header until the file has a path: the command that writes the file
    /// replaces it with the command line that runs it, as the user invokes impsim (docs/chaos.md).
    /// </summary>
    public const string ReplayPlaceholder = "impsim run THIS-FILE";

    public static ShrunkFailure Shrink(ChaosBase basis, ChaosVerdict failing, ChaosOptions options)
    {
        var target = failing.Signature ?? throw new ArgumentException("the run did not fail", nameof(failing));
        var shrinker = new ScheduleShrinker(f => ChaosRun.Play(basis, failing.Seed, f, options.DiskPort).Signature, target,
            options.ShrinkBudget, basis.Scenario.Deployment.Topology);
        var minimal = shrinker.Shrink(failing.Faults);
        var header = new[]
        {
            $"Shrunk by impsim chaos from seed {failing.Seed}: {minimal.Length} fault(s) of the original {failing.Faults.Length}, " +
            $"in {shrinker.Runs} shrinking run(s){(shrinker.BudgetExhausted ? " (budget exhausted: may not be minimal)" : "")}.",
            $"Base: {basis.File}. Failure signature: {target}.",
            "The world is the seed's (seed below); only the schedule was shrunk. Replay: " + ReplayPlaceholder + SettingOverride.ReplayWords(basis.Overrides),
        };
        var yaml = ChaosScenarioText.Compose(basis.Yaml, failing.Seed, basis.Horizon, minimal, header);
        return new ShrunkFailure(failing.Seed, target, failing.Detail ?? "", failing.Faults, minimal, shrinker.Runs, shrinker.BudgetExhausted, yaml);
    }
}
