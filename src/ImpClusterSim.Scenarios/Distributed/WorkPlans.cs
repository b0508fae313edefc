using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ImpClusterSim.Live.Distributed;
using ImpClusterSim.Scenarios.Chaos;
using ImpClusterSim.Scenarios.Language;
using ImpClusterSim.Scenarios.Outcome;
using ImpClusterSim.Scenarios.Overrides;
using ImpClusterSim.Scenarios.Studies;

namespace ImpClusterSim.Scenarios.Distributed;

/// <summary>
/// The jobs of <c>campaign</c>, <c>sweep</c> and <c>chaos</c> across workers (docs/distributed.md): how a command's
/// work is written as a <see cref="JobSpec"/> (the scenario text and the parameters, nothing else) and how a worker
/// (and the coordinator, for the hash) loads it back into a plan that plays one item exactly as the local command
/// plays it (<see cref="SweepRunner.PlayItem"/>, <see cref="ChaosExperiment.PlaySeed"/>,
/// <see cref="ChaosExperiment.Shrink"/>). The scenario hash is SHA-256 over the job and the text of the topology file
/// the scenario names (read where the job is loaded), so a worker whose copy of a file differs is refused.
/// </summary>
public static class WorkPlans
{
    public const string SweepKind = "sweep";
    public const string ChaosKind = "chaos";
    public const string ShrinkKind = "chaos-shrink";

    /// <summary>A campaign (one grid point) or a sweep: items are grid points × seeds, in <see cref="SweepRunner"/>'s order.</summary>
    public static JobSpec Sweep(ScenarioSource source, IReadOnlyList<SweepAxis> axes, ulong firstSeed, int seeds, int points) =>
        new(SweepKind, source.File, source.BaseDirectory, source.Yaml,
        [
            .. Seeds(firstSeed, seeds),
            .. axes.Select(a => KeyValuePair.Create("axis", a.Key + "=" + string.Join('\u001f', a.Values))),
        ], seeds * points);

    /// <summary>A chaos experiment's seeds: items are seeds in order.</summary>
    public static JobSpec Chaos(ChaosBase basis, ChaosOptions options) =>
        new(ChaosKind, basis.File, basis.BaseDirectory, basis.Yaml, [.. ChaosParameters(basis, options)], options.Seeds);

    /// <summary>The shrinking of chaos failures: one item per failure to shrink (the first seed of each signature).</summary>
    public static JobSpec Shrink(ChaosBase basis, ChaosOptions options, IReadOnlyList<ChaosVerdict> failures) =>
        new(ShrinkKind, basis.File, basis.BaseDirectory, basis.Yaml,
        [
            .. ChaosParameters(basis, options),
            .. failures.Select(v => KeyValuePair.Create("failure", string.Join('\u001f',
                v.Seed.ToString(CultureInfo.InvariantCulture), v.Signature!.Check, v.Signature.Nodes, v.Detail ?? ""))),
        ], failures.Count);

    /// <summary>True when an item's result is a failure (for <c>--max-failures</c>): a run with a failed expectation, a failing chaos verdict.</summary>
    public static bool IsFailure(object result) => result switch
    {
        ScenarioOutcome o => !o.Passed,
        ChaosVerdict v => !v.Passed,
        _ => false,
    };

    /// <summary>Loads a job as a worker (and the coordinator) does.</summary>
    /// <exception cref="JobLoadException">The scenario does not load here, or the job is not one this build knows.</exception>
    public static IWorkPlan Load(JobSpec job)
    {
        var source = new ScenarioSource(job.Yaml, job.File, job.BaseDirectory);
        var (scenario, errors) = source.Parse();
        if (scenario is null)
            throw new JobLoadException($"the scenario {job.File} does not load here: {string.Join("; ", errors.Take(3))}");
        var hash = Hash(job, scenario);
        var first = ulong.Parse(job.One("first-seed"), CultureInfo.InvariantCulture);
        var seeds = int.Parse(job.One("seeds"), CultureInfo.InvariantCulture);
        switch (job.Kind)
        {
            case SweepKind:
            {
                var axes = job.All("axis").Select(a => a.Split('=', 2)).Select(a => new SweepAxis(a[0], [.. a[1].Split('\u001f')])).ToList();
                var (points, problems) = SweepRunner.Prepare(scenario, axes);
                if (!problems.IsEmpty) throw new JobLoadException(string.Join("; ", problems));
                Check(job, seeds * points.Length);
                return new Plan(hash, item => SweepRunner.PlayItem(points, first, seeds, item));
            }

            case ChaosKind or ShrinkKind:
            {
                var (basis, options) = ChaosOf(job, source, scenario, first, seeds);
                if (job.Kind == ChaosKind)
                {
                    Check(job, seeds);
                    return new Plan(hash, item => ChaosExperiment.PlaySeed(basis, options, first + (ulong)item));
                }

                var failures = job.All("failure").Select(f => f.Split('\u001f')).Select(f =>
                {
                    var seed = ulong.Parse(f[0], CultureInfo.InvariantCulture);
                    var faults = ChaosExperiment.Schedule(basis, options.Profile, seed).Faults;
                    return new ChaosVerdict(seed, [.. faults], new FailureSignature(f[1], f[2]), f[3], "", 0, []);
                }).ToList();
                Check(job, failures.Count);
                return new Plan(hash, item => ChaosExperiment.Shrink(basis, failures[item], options));
            }

            default:
                throw new JobLoadException($"'{job.Kind}' is not a job this build knows ({SweepKind}, {ChaosKind}, {ShrinkKind})");
        }
    }

    private static (ChaosBase Basis, ChaosOptions Options) ChaosOf(JobSpec job, ScenarioSource source, Scenario scenario, ulong first, int seeds)
    {
        var overrides = job.All("set").Select(s => s.Split('=', 2)).Select(s => new SettingOverride(s[0], s[1])).ToImmutableArray();
        var (overridden, problems) = SettingOverrides.Apply(scenario, overrides);
        if (overridden is null) throw new JobLoadException(string.Join("; ", problems));
        var basis = new ChaosBase(source.Yaml, source.File, source.BaseDirectory, overridden) { Overrides = overrides };
        var profile = new ChaosProfile
        {
            Kinds = [.. job.One("faults").Split(',')],
            Intensity = double.Parse(job.One("intensity"), CultureInfo.InvariantCulture),
        };
        var options = new ChaosOptions
        {
            FirstSeed = first, Seeds = seeds, Profile = profile, ShrinkBudget = int.Parse(job.One("shrink-budget"), CultureInfo.InvariantCulture),
        };
        return (basis, options);
    }

    private static IEnumerable<KeyValuePair<string, string>> ChaosParameters(ChaosBase basis, ChaosOptions options) =>
    [
        .. Seeds(options.FirstSeed, options.Seeds),
        KeyValuePair.Create("faults", string.Join(',', options.Profile.Kinds)),
        KeyValuePair.Create("intensity", options.Profile.Intensity.ToString("R", CultureInfo.InvariantCulture)),
        KeyValuePair.Create("shrink-budget", options.ShrinkBudget.ToString(CultureInfo.InvariantCulture)),
        .. basis.Overrides.Select(o => KeyValuePair.Create("set", o.Key + "=" + o.Value)),
    ];

    private static IEnumerable<KeyValuePair<string, string>> Seeds(ulong first, int seeds) =>
    [
        KeyValuePair.Create("first-seed", first.ToString(CultureInfo.InvariantCulture)),
        KeyValuePair.Create("seeds", seeds.ToString(CultureInfo.InvariantCulture)),
    ];

    private static void Check(JobSpec job, int items)
    {
        if (job.Items != items) throw new JobLoadException($"the job has {job.Items} items where its parameters give {items}");
    }

    /// <summary>SHA-256 (hex, first 16 characters) of the job and of the topology file the scenario names, as read here.</summary>
    public static string Hash(JobSpec job, Scenario scenario)
    {
        var text = new StringBuilder()
            .Append(job.Kind).Append('\n').Append(job.File).Append('\n').Append(job.BaseDirectory).Append('\n')
            .Append(job.Items.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var p in job.Parameters) text.Append(p.Key).Append('=').Append(p.Value).Append('\n');
        text.Append("--scenario--\n").Append(job.Yaml);
        var topology = scenario.Deployment.Source;
        if (Path.IsPathRooted(topology) && File.Exists(topology)) text.Append("\n--topology--\n").Append(File.ReadAllText(topology));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }

    private sealed class Plan(string hash, Func<int, object> play) : IWorkPlan
    {
        public string ScenarioHash { get; } = hash;

        public object Play(int item) => play(item);
    }
}
