using ImpClusterSim.Domain.Intercluster;
using ImpClusterSim.Node.Runtime;
using ImpClusterSim.Simulation;
using static ImpClusterSim.Node.Tests.Platform.InterclusterFixture;

namespace ImpClusterSim.Node.Tests.Platform;

/// <summary>
/// The Cisco Sync Agent gates the Intercluster Sync Agent (domain facts §1.1.9): until the local user sync from CUCM has
/// completed, a peer shows "Failed", never "Connection is secure".
/// </summary>
public sealed class SyncAgentGateTests : IDisposable
{
    private readonly SimulationRun _run = PlatformFixture.Lab();

    public void Dispose() => _run.Dispose();

    private string Cli(string node, string line) => _run.Operator.Request<CliReply>(node, r => new CliRequest(line, r))!.Output;

    private AdminReply AddPeer(string node, string address) => _run.Operator.Request<AdminReply>(node,
        r => new InterclusterOperation(new AddPeer(PeerEntry(address)), r), TimeSpan.FromMinutes(1))!;

    private PeerSyncState Agent(string node, string peer) =>
        _run.Operator.Request<PeerStatusSnapshot>(node, r => new QueryPeerStatus(r))!.States.Single(s => s.PeerAddress == peer);

    [Fact]
    public void With_the_sync_agent_stopped_from_the_start_a_new_tls_peer_is_failed_until_the_user_sync_completes()
    {
        Assert.Contains("Cisco Sync Agent[STOPPING]", Cli(A, "utils service stop Cisco Sync Agent"));
        _run.RunFor(TimeSpan.FromMinutes(15));
        Assert.True(AddPeer(A, BAddress).Accepted);
        Assert.True(AddPeer(B, AAddress).Accepted);
        _run.RunFor(TimeSpan.FromMinutes(7));

        var waiting = Agent(A, BAddress);
        Assert.Equal(PeerStatusKind.Failed, waiting.Status.Kind);
        Assert.Contains(waiting.Results, r => !r.Passed && r.Detail.Contains("Cisco Sync Agent", StringComparison.Ordinal));
        Assert.Equal(PeerStatusKind.Secure, Agent(B, AAddress).Status.Kind); // imp-b's Sync Agent ran

        Cli(A, "utils service start Cisco Sync Agent");
        _run.RunFor(TimeSpan.FromMinutes(1));
        Assert.NotEqual(PeerStatusKind.Secure, Agent(A, BAddress).Status.Kind); // completed, but no retry yet
        _run.RunFor(TimeSpan.FromMinutes(5));
        Assert.Equal(PeerStatusKind.Secure, Agent(A, BAddress).Status.Kind);
    }
}
