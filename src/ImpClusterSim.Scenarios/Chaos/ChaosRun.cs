using System.Collections.Immutable;
using ImpClusterSim.Node.Ports;
using ImpClusterSim.Scenarios.Language;
using ImpClusterSim.Scenarios.Outcome;
using ImpClusterSim.Scenarios.Overrides;
using ImpClusterSim.Scenarios.Runner;

namespace ImpClusterSim.Scenarios.Chaos;

/// <summary>
/// The base of a chaos experiment: the scenario text it plays (a file, the embedded default or the built-in workload on a
/// topology), where it came from (for errors and relative paths), and what was read from it once, with the
/// <c>--set</c> overrides every run applies (<see cref="Overrides"/>; <see cref="Scenario"/> has them applied already).
/// </summary>
public sealed record ChaosBase(string Yaml, string File, string? BaseDirectory, Scenario Scenario)
{
    /// <summary>The settings <c>--set</c> overrides in every run (and in the replay commands); empty by default.</summary>
    public ImmutableArray<SettingOverride> Overrides { get; init; } = [];

    /// <summary>The fault phase ends this long before the horizon (<see cref="QuietPeriod"/>).</summary>
    public TimeSpan Quiet => QuietPeriod.Of(ScenarioRunner.Timings(Scenario.Deployment.Settings), ScenarioRunner.Catalogue(Scenario.Deployment.Settings.Timings));

    public TimeSpan Horizon => Scenario.Until;

    public TimeSpan FaultsEnd => Horizon - Quiet;
}

/// <summary>How one chaos run ended: passed, or failed with its signature and the first failing check's finding.</summary>
public sealed record ChaosVerdict(
    ulong Seed,
    ImmutableArray<ScheduledFault> Faults,
    FailureSignature? Signature,
    string? Detail,
    string TraceHash,
    long MessagesDelivered,
    ImmutableArray<FaultWindow> Windows)
{
    public bool Passed => Signature is null;
}

/// <summary>
/// Plays one chaos run: the base scenario with a seed and a fault schedule (<see cref="ChaosScenarioText"/>), parsed and
/// played by <see cref="ScenarioRunner"/> on one thread, and judged by its first failing expectation.
/// </summary>
public static class ChaosRun
{
    /// <summary>Plays <paramref name="faults"/> on the world of <paramref name="seed"/>.</summary>
    /// <exception cref="InvalidOperationException">The composed scenario does not validate (a generator bug).</exception>
    public static ChaosVerdict Play(ChaosBase basis, ulong seed, IReadOnlyList<ScheduledFault> faults, Func<string, IDurableStore, IDurableStore>? diskPort = null) =>
        Play(basis, seed, faults, diskPort, verifyQueryMemo: false);

    /// <summary>As the public overload; <paramref name="verifyQueryMemo"/>: see <see cref="ScenarioRunOptions.VerifyQueryMemo"/>.</summary>
    internal static ChaosVerdict Play(ChaosBase basis, ulong seed, IReadOnlyList<ScheduledFault> faults, Func<string, IDurableStore, IDurableStore>? diskPort, bool verifyQueryMemo)
    {
        var text = ChaosScenarioText.Compose(basis.Yaml, seed, basis.Horizon, faults);
        var (scenario, errors) = ScenarioLoader.Parse(text, basis.File, basis.BaseDirectory);
        if (scenario is null)
            throw new InvalidOperationException("the chaos scenario does not validate: " + string.Join("; ", errors.Take(3)));
        if (!basis.Overrides.IsEmpty)
        {
            var (overridden, problems) = SettingOverrides.Apply(scenario, basis.Overrides);
            scenario = overridden ?? throw new InvalidOperationException("the --set overrides do not apply: " + string.Join("; ", problems));
        }
        var outcome = ScenarioRunner.Run(scenario, new ScenarioRunOptions { Seed = seed, DiskPort = diskPort, VerifyQueryMemo = verifyQueryMemo });
        var signature = FailureSignature.Of(outcome, scenario.Deployment.Topology);
        var detail = signature is null ? null : outcome.Checks.First(c => c.Kind == CheckKind.Expectation && !c.Passed && c.Name == signature.Check).Detail;
        return new ChaosVerdict(seed, [.. faults], signature, detail, outcome.TraceHash, outcome.MessagesDelivered, outcome.Faults);
    }
}
