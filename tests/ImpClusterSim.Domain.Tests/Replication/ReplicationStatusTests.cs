using ImpClusterSim.Domain.Certificates;
using ImpClusterSim.Domain.Cli;
using ImpClusterSim.Domain.Replication;
using ImpClusterSim.Domain.Time;
using ImpClusterSim.Domain.Topology;
using static ImpClusterSim.Domain.Tests.Certificates.CertificateFixtures;

namespace ImpClusterSim.Domain.Tests.Replication;

public sealed class ReplicationStatusTests
{
    private static readonly NodeSpec Pub = Imp("imppub", NodeRole.Publisher);
    private static readonly NodeSpec Sub = Imp("impsub1");

    private static ClusterTrustLog LogWithOneChange()
    {
        var upload = Install(Pub).UploadTrust("tomcat-trust", Pem(Root().Certificate), "root");
        return ClusterTrustLog.Empty("imp-a", "imppub").RecordPublisherChanges(upload).Log;
    }

    [Fact]
    public void A_connected_caught_up_subscriber_is_setup_completed()
    {
        var state = ReplicationStatus.StateOf(new ReplicaObservation(Sub, true, 1), LogWithOneChange());

        Assert.Equal(2, state.ReplicateState);
        Assert.Equal("Connected", state.Status);
        Assert.Equal(0, state.ReplicationQueue);
        Assert.Equal("(2) Setup Completed", DbReplicationOutput.StateText(state.ReplicateState, state.IsPublisher));
    }

    [Fact]
    public void The_publisher_is_pub_setup_completed()
    {
        var state = ReplicationStatus.StateOf(new ReplicaObservation(Pub, true, 0), LogWithOneChange());

        Assert.Equal("(2) PUB Setup Completed", DbReplicationOutput.StateText(state.ReplicateState, state.IsPublisher));
    }

    [Fact]
    public void A_connected_lagging_subscriber_shows_its_queue()
    {
        var state = ReplicationStatus.StateOf(new ReplicaObservation(Sub, true, 0), LogWithOneChange());

        Assert.Equal(2, state.ReplicateState);
        Assert.Equal(1, state.ReplicationQueue);
    }

    [Fact]
    public void An_unreachable_subscriber_is_out_of_sync_and_off_line()
    {
        var state = ReplicationStatus.StateOf(new ReplicaObservation(Sub, false, 0), LogWithOneChange());

        Assert.Equal("(3) Out Of Sync", DbReplicationOutput.StateText(state.ReplicateState, state.IsPublisher));
        Assert.Equal("Off-Line", state.Status);
        Assert.False(state.Rpc);
    }

    [Fact]
    public void The_report_formats_with_the_cli_formatter()
    {
        var report = ReplicationStatus.Report("imppub", SimInstant.DefaultRunStart, LogWithOneChange(),
            [new ReplicaObservation(Pub, true, 0), new ReplicaObservation(Sub, false, 0)]);

        var text = DbReplicationOutput.Format(report);

        Assert.Contains("(2) PUB Setup Completed", text, StringComparison.Ordinal);
        Assert.Contains("(3) Out Of Sync", text, StringComparison.Ordinal);
        Assert.Contains("Errors or Mismatches Were Found!!!", text, StringComparison.Ordinal);
        Assert.Contains("Cluster Detailed View from imppub (2 Servers):", text, StringComparison.Ordinal);
        var rows = text.Split('\n').Where(l => l.StartsWith("imp", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, rows.Length);
        Assert.StartsWith("imppub ", rows[0], StringComparison.Ordinal);
        Assert.EndsWith("(2) PUB Setup Completed", rows[0], StringComparison.Ordinal);
        Assert.StartsWith("impsub1 ", rows[1], StringComparison.Ordinal);
        Assert.EndsWith("(3) Out Of Sync", rows[1], StringComparison.Ordinal);
    }
}
