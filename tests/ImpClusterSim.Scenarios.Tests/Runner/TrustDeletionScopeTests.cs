using ImpClusterSim.Domain.Replication;
using ImpClusterSim.Scenarios.Runner;

namespace ImpClusterSim.Scenarios.Tests.Runner;

/// <summary>
/// scenarios/failures/trust-deleted-on-one-node.yaml under both deletion scopes (TAC 211300): per node (9.0(1)) the
/// Delete stays on its node and Cisco Certificate Change Notification copies it back; cluster-wide (11.0+) the other
/// nodes lose it at once and nothing is copied back.
/// </summary>
public sealed class TrustDeletionScopeTests
{
    private const string File = "failures/trust-deleted-on-one-node.yaml";

    [Fact]
    public void Per_node_deletion_is_copied_back_until_every_node_deleted_it_with_the_service_stopped()
    {
        var outcome = ScenarioRunner.Run(ScenarioFiles.Load(File), new ScenarioRunOptions());

        Assert.True(outcome.Passed, string.Join("\n", outcome.Checks.Where(c => !c.Passed).Select(c => $"{c.Name}: {c.Detail}")));
    }

    [Fact]
    public void Cluster_wide_deletion_reaches_the_other_nodes_and_nothing_is_copied_back()
    {
        var scenario = ScenarioFiles.Load(File);
        scenario = scenario with { Deployment = scenario.Deployment with { Settings = scenario.Deployment.Settings with { TrustDeletion = TrustDeletionScope.Cluster } } };

        var outcome = ScenarioRunner.Run(scenario, new ScenarioRunOptions());

        var failed = outcome.Checks.Where(c => !c.Passed).Select(c => c.Name).ToArray();
        Assert.Equal(3, failed.Length);
        Assert.Contains(failed, n => n.Contains("imp-a-pub, imp-a-sub2", StringComparison.Ordinal));
        Assert.Contains(failed, n => n.Contains("copied it back", StringComparison.Ordinal));
        Assert.Contains(failed, n => n.Contains("trust-copied-back", StringComparison.Ordinal));
    }
}
