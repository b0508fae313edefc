using ImpClusterSim.Domain.Topology;
using ImpClusterSim.Scenarios.Chaos;
using ImpClusterSim.Scenarios.Language;

namespace ImpClusterSim.Scenarios.Tests.Chaos;

/// <summary>
/// Nothing of one run leaks into the next on the same thread (the process-wide caches a chaos campaign reuses: parsed
/// keys, trust-store indexes, signature verdicts, a node's cluster peers): seeds A, B, A played one after the other on
/// one thread give A's trace hash, verdict and message count twice, and B's differ from A's.
/// </summary>
public sealed class RunIsolationTests
{
    [Fact]
    public void Seeds_A_B_A_on_one_thread_give_A_s_trace_hash_twice()
    {
        var topology = TopologyLoader.LoadEmbedded("two-clusters");
        var horizon = TimeSpan.FromHours(6);
        var yaml = ChaosWorkload.Yaml("two-clusters", topology, horizon, horizon - TimeSpan.FromMinutes(57));
        var basis = new ChaosBase(yaml, "workload.yaml", null, ScenarioLoader.Parse(yaml, "workload.yaml").Scenario!);
        const ulong a = 21, b = 22;

        var first = ChaosRun.Play(basis, a, ChaosExperiment.Schedule(basis, ChaosProfile.Default, a).Faults);
        var other = ChaosRun.Play(basis, b, ChaosExperiment.Schedule(basis, ChaosProfile.Default, b).Faults);
        var again = ChaosRun.Play(basis, a, ChaosExperiment.Schedule(basis, ChaosProfile.Default, a).Faults);

        Assert.NotEqual(first.TraceHash, other.TraceHash);
        Assert.Equal(first.TraceHash, again.TraceHash);
        Assert.Equal(first.Signature, again.Signature);
        Assert.Equal(first.MessagesDelivered, again.MessagesDelivered);
        Assert.True(first.Faults.SequenceEqual(again.Faults));
    }
}
