using ImpClusterSim.Domain.Topology;
using ImpClusterSim.Scenarios.BuiltIn;
using ImpClusterSim.Scenarios.Chaos;
using ImpClusterSim.Scenarios.Language;

namespace ImpClusterSim.Scenarios.Tests.Chaos;

/// <summary>The generator (seeded, swarm, windows inside the fault phase) and the shrinker (ddmin) without a simulation.</summary>
public sealed class GeneratorAndShrinkerTests
{
    private static readonly Deployment Default = TopologyLoader.LoadDefault();
    private static readonly TimeSpan FaultsEnd = TimeSpan.FromHours(23);

    [Fact]
    public void The_same_seed_gives_the_same_schedule_and_other_seeds_give_others()
    {
        var generator = new FaultScheduleGenerator(Default, FaultsEnd, ChaosProfile.Default);
        var a = generator.Generate(7);
        var b = new FaultScheduleGenerator(Default, FaultsEnd, ChaosProfile.Default).Generate(7);
        Assert.Equal(a.Faults.Select(f => f.ToYaml()), b.Faults.Select(f => f.ToYaml()));
        Assert.Equal(a.KindsOn.ToArray(), b.KindsOn.ToArray());
        var others = Enumerable.Range(8, 10).Select(s => string.Join("\n", generator.Generate((ulong)s).Faults.Select(f => f.ToYaml()))).ToHashSet();
        Assert.True(others.Count >= 9, "different seeds should give different schedules");
    }

    [Fact]
    public void Swarm_testing_switches_kinds_on_and_off_per_run_and_every_kind_appears_over_many_runs()
    {
        var generator = new FaultScheduleGenerator(Default, FaultsEnd, ChaosProfile.Default);
        var schedules = Enumerable.Range(1, 200).Select(s => generator.Generate((ulong)s)).ToList();
        Assert.All(schedules, s => Assert.NotEmpty(s.KindsOn));
        Assert.Contains(schedules, s => s.KindsOn.Length < ChaosFaultKinds.All.Length / 2 + 1);
        Assert.Contains(schedules, s => s.KindsOn.Length > ChaosFaultKinds.All.Length / 2);
        var seen = schedules.SelectMany(s => s.Faults).Select(f => f.SwarmKind).ToHashSet();
        Assert.Equal(ChaosFaultKinds.All.Order(), seen.Order());
        Assert.All(schedules, s => Assert.All(s.Faults, f => Assert.Contains(f.SwarmKind, s.KindsOn)));
    }

    [Fact]
    public void Every_fault_heals_by_the_end_of_the_fault_phase_and_durations_are_heavy_tailed()
    {
        var generator = new FaultScheduleGenerator(Default, FaultsEnd, ChaosProfile.Default);
        var faults = Enumerable.Range(1, 200).SelectMany(s => generator.Generate((ulong)s).Faults).ToList();
        Assert.All(faults, f => Assert.True(f.At >= FaultScheduleGenerator.FirstFault && (f.Ends ?? f.At) <= FaultsEnd, f.Describe()));
        var windows = faults.Where(f => f.Kind == "partition").Select(f => f.For!.Value.TotalMinutes).Order().ToArray();
        var median = windows[windows.Length / 2];
        var p99 = windows[(int)(windows.Length * 0.99)];
        Assert.True(p99 > 10 * median, $"median {median} min, p99 {p99} min: a heavy tail has rare very long faults");
    }

    [Fact]
    public void Faults_restricts_the_kinds_and_intensity_scales_the_count()
    {
        var crashes = new FaultScheduleGenerator(Default, FaultsEnd, new ChaosProfile { Kinds = [ChaosFaultKinds.Crash, ChaosFaultKinds.NameResolution] });
        var schedules = Enumerable.Range(1, 50).Select(s => crashes.Generate((ulong)s)).ToList();
        Assert.All(schedules.SelectMany(s => s.Faults), f => Assert.Contains(f.Kind, new[] { "crash", "name-resolution" }));
        var low = Enumerable.Range(1, 50).Sum(s => new FaultScheduleGenerator(Default, FaultsEnd, new ChaosProfile { Intensity = 0.5 }).Generate((ulong)s).Faults.Length);
        var high = Enumerable.Range(1, 50).Sum(s => new FaultScheduleGenerator(Default, FaultsEnd, new ChaosProfile { Intensity = 4 }).Generate((ulong)s).Faults.Length);
        Assert.True(high > 4 * low, $"intensity 0.5: {low} faults, intensity 4: {high}");
        Assert.NotNull(ChaosFaultKinds.Parse("crash,frobnicate").Error);
    }

    [Fact]
    public void Every_generated_schedule_is_a_valid_scenario_that_reads_back_the_same_faults()
    {
        var basis = DefaultScenario.Yaml();
        var scenario = DefaultScenario.Load();
        var generator = new FaultScheduleGenerator(scenario.Deployment.Topology, TimeSpan.FromHours(7), ChaosProfile.Default);
        foreach (var seed in Enumerable.Range(1, 40))
        {
            var schedule = generator.Generate((ulong)seed);
            var text = ChaosScenarioText.Compose(basis, (ulong)seed, scenario.Until, schedule.Faults, ["a header"]);
            var (parsed, errors) = ScenarioLoader.Parse(text, "chaos.yaml");
            Assert.True(parsed is not null, string.Join("\n", errors) + "\n" + text);
            Assert.Equal((ulong)seed, parsed!.Seed);
            Assert.Equal(scenario.Faults.Length + schedule.Faults.Length, parsed.Faults.Length);
            Assert.Equal(schedule.Faults.Select(f => (f.Id, f.At, f.Kind)), parsed.Faults.Skip(scenario.Faults.Length).Select(f => (f.Id!, f.At, f.Action.Kind)));
            Assert.StartsWith("# a header\n", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_shrinker_finds_the_two_faults_that_together_cause_a_failure_and_shortens_their_windows()
    {
        var generator = new FaultScheduleGenerator(Default, FaultsEnd, new ChaosProfile { Intensity = 3 });
        var faults = generator.Generate(11).Faults;
        Assert.True(faults.Length >= 10);
        var x = faults[3].Id;
        var y = faults[^2].Id;
        var target = new FailureSignature("boom", "imp-a-pub");
        var runs = 0;
        FailureSignature? Play(IReadOnlyList<ScheduledFault> f)
        {
            runs++;
            // Fails when both faults are there and the first lasts at least a minute (or has no window).
            var first = f.FirstOrDefault(q => q.Id == x);
            return first is not null && f.Any(q => q.Id == y) && (first.For is null || first.For >= TimeSpan.FromMinutes(1)) ? target : null;
        }

        var shrinker = new ScheduleShrinker(Play, target, 300, Default);
        var minimal = shrinker.Shrink(faults);

        Assert.Equal(new[] { x, y }, minimal.Select(f => f.Id));
        Assert.Equal(runs, shrinker.Runs);
        Assert.True(shrinker.Runs < 120, $"{shrinker.Runs} runs");
        if (faults[3].For is { } original && original >= TimeSpan.FromMinutes(2))
            Assert.True(minimal[0].For < original && minimal[0].For >= TimeSpan.FromMinutes(1), $"{original} -> {minimal[0].For}");
    }

    [Fact]
    public void The_shrinker_stops_at_its_budget_and_keeps_the_smallest_failing_schedule_found()
    {
        var faults = new FaultScheduleGenerator(Default, FaultsEnd, new ChaosProfile { Intensity = 3 }).Generate(12).Faults;
        var target = new FailureSignature("boom", "");
        var shrinker = new ScheduleShrinker(f => f.Count >= 3 ? target : null, target, 5, Default);
        var minimal = shrinker.Shrink(faults);
        Assert.Equal(5, shrinker.Runs);
        Assert.True(shrinker.BudgetExhausted);
        Assert.True(minimal.Length >= 3 && minimal.Length < faults.Length);
    }
}
