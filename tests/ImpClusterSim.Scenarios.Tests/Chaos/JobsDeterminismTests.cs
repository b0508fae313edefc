using ImpClusterSim.Domain.Topology;
using ImpClusterSim.Scenarios.Chaos;
using ImpClusterSim.Scenarios.Language;

namespace ImpClusterSim.Scenarios.Tests.Chaos;

/// <summary>
/// The same seed gives the same schedule, trace hash and verdict whatever the number of jobs and whatever ran before it
/// in the process (issue 14's determinism target): the built-in workload on the two-clusters deployment, seeds played at
/// <c>--jobs 1</c>, then at <c>--jobs 2</c> in the other order of first seeds.
/// </summary>
public sealed class JobsDeterminismTests
{
    [Fact]
    public void The_same_seed_gives_the_same_schedule_trace_hash_and_verdict_at_any_jobs()
    {
        var topology = TopologyLoader.LoadEmbedded("two-clusters");
        var horizon = TimeSpan.FromHours(6);
        var yaml = ChaosWorkload.Yaml("two-clusters", topology, horizon, horizon - TimeSpan.FromMinutes(57));
        var basis = new ChaosBase(yaml, "workload.yaml", null, ScenarioLoader.Parse(yaml, "workload.yaml").Scenario!);
        var options = new ChaosOptions { FirstSeed = 11, Seeds = 4, ShrinkBudget = 0 };

        var one = ChaosExperiment.Run(basis, options with { Jobs = 1 });
        var two = ChaosExperiment.Run(basis, options with { Jobs = 2 });
        var alone = ChaosExperiment.Run(basis, options with { FirstSeed = 13, Seeds = 1 });

        Assert.Equal(one.Verdicts.Select(v => v.Seed), two.Verdicts.Select(v => v.Seed));
        Assert.Contains(one.Verdicts, v => v.Faults.Length > 0);
        foreach (var (a, b) in one.Verdicts.Zip(two.Verdicts))
        {
            Assert.Equal(a.Faults.Select(f => f.ToYaml()), b.Faults.Select(f => f.ToYaml()));
            Assert.True(a.Faults.SequenceEqual(b.Faults));
            Assert.Equal(a.TraceHash, b.TraceHash);
            Assert.Equal(a.Signature, b.Signature);
            Assert.Equal(a.MessagesDelivered, b.MessagesDelivered);
        }
        Assert.Equal(one.Verdicts[2].TraceHash, alone.Verdicts.Single().TraceHash);
    }
}
