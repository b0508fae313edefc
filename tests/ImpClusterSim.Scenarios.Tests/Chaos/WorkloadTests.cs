using ImpClusterSim.Domain.Topology;
using ImpClusterSim.Scenarios.Chaos;
using ImpClusterSim.Scenarios.Language;

namespace ImpClusterSim.Scenarios.Tests.Chaos;

/// <summary>The built-in workload is a valid scenario of the guide's procedures and, without faults, passes every chaos check.</summary>
public sealed class WorkloadTests
{
    [Fact]
    public void The_workload_without_faults_passes_every_chaos_check_including_liveness()
    {
        var topology = TopologyLoader.LoadEmbedded("lab");
        var horizon = TimeSpan.FromHours(12);
        var yaml = ChaosWorkload.Yaml("lab", topology, horizon, horizon - TimeSpan.FromMinutes(57));
        var (scenario, errors) = ScenarioLoader.Parse(yaml, "workload.yaml");
        Assert.True(scenario is not null, string.Join("\n", errors) + "\n" + yaml);
        var kinds = scenario!.Steps.Select(s => s.Operation.Kind).ToHashSet();
        Assert.Superset(new HashSet<string> { "add-peer", "upload-trust", "upload-leaf", "restart-service", "regenerate", "force-manual-sync", "delete-peer", "fips-enable" }, kinds);
        Assert.All(scenario.Steps, s => Assert.True(s.At <= horizon - TimeSpan.FromMinutes(57), $"{s.Operation.Kind} at {s.At}"));

        var basis = new ChaosBase(yaml, "workload.yaml", null, scenario);
        var verdict = ChaosRun.Play(basis, 1, []);
        Assert.True(verdict.Passed, $"{verdict.Signature}: {verdict.Detail}");
    }
}
