using ImpClusterSim.Domain.Topology;
using ImpClusterSim.Scenarios.Chaos;
using ImpClusterSim.Scenarios.Language;

namespace ImpClusterSim.Scenarios.Tests.Chaos;

/// <summary>
/// The always-on checks take a node's certificates, peer status and FIPS state from their last answer while the node's
/// change counter of that view has not moved (<c>NodeStateViews</c>). Played with every query asked anyway, no
/// remembered answer differs from the node's (a missing count throws), and the run is the same run: same trace hash,
/// verdict and message count as without the verification. The verified run also takes no view stamps (every check asks
/// every time), so the same outcome shows that skipping a check whose nodes' stamps did not move changes nothing.
/// </summary>
public sealed class QueryMemoTests
{
    [Theory]
    [InlineData("two-clusters", 6, 31UL)]
    [InlineData("two-clusters", 6, 32UL)]
    [InlineData("two-clusters", 6, 33UL)]
    [InlineData("default", 24, 40UL)]
    public void Remembered_answers_equal_the_nodes_own_through_a_chaos_run(string topologyName, int hours, ulong seed)
    {
        var topology = TopologyLoader.LoadEmbedded(topologyName);
        var horizon = TimeSpan.FromHours(hours);
        var yaml = ChaosWorkload.Yaml(topologyName, topology, horizon, horizon - TimeSpan.FromMinutes(57));
        var basis = new ChaosBase(yaml, "workload.yaml", null, ScenarioLoader.Parse(yaml, "workload.yaml").Scenario!);
        var faults = ChaosExperiment.Schedule(basis, ChaosProfile.Default, seed).Faults;
        Assert.NotEmpty(faults);

        var verified = ChaosRun.Play(basis, seed, faults, diskPort: null, verifyQueryMemo: true);
        var plain = ChaosRun.Play(basis, seed, faults);

        Assert.Equal(plain.TraceHash, verified.TraceHash);
        Assert.Equal(plain.Signature, verified.Signature);
        Assert.Equal(plain.MessagesDelivered, verified.MessagesDelivered);
    }
}
