using Akka.Actor;
using ImpClusterSim.Domain.Services;
using ImpClusterSim.Node.Ports;
using ImpClusterSim.Node.Runtime;

namespace ImpClusterSim.Node.Services;

/// <summary>
/// Cisco Sync Agent (<c>/user/node/cisco-sync-agent</c>, IM&amp;P database publisher): synchronizes the end users from
/// the cluster's CUCM publisher (AXL over the network to its Cisco Tomcat), asking again every
/// <see cref="RetryInterval"/> until it answers. When the first sync completes the node's database keeps it; until then
/// the Cisco Intercluster Sync Agent reports its peers "Failed" (domain facts §1.1.9: the intercluster agent waits for
/// the local Sync Agent). A cluster without a CUCM cluster in the deployment has nothing to synchronize: the sync
/// completes when the service starts.
/// </summary>
public sealed class SyncAgentService : ServiceActor, IWithTimers
{
    /// <summary>How often the agent asks CUCM again while its sync has not completed (virtual time; chosen).</summary>
    public static readonly TimeSpan RetryInterval = TimeSpan.FromMinutes(1);

    private long _request;

    public ITimerScheduler Timers { get; set; } = null!;

    public SyncAgentService(NodeContext node, ServiceLoad load) : base(node, load)
    {
        Receive<SyncAgentRetry>(_ => Ask());
        Receive<NetworkEnvelope>(e => e.Payload is UserSyncResponse r && r.RequestId == _request, e => Complete(((UserSyncResponse)e.Payload).Users));
    }

    public static new Props Props(NodeContext node, ServiceLoad load) => ActorFactory.Props(() => new SyncAgentService(node, load));

    protected override void PreStart()
    {
        if (Load.State.UserSyncCompleted) return;
        if (CucmPublisher() is null)
        {
            Complete(0);
            return;
        }
        Timers.StartPeriodicTimer("retry", SyncAgentRetry.Instance, TimeSpan.Zero, RetryInterval);
    }

    private Domain.Topology.NodeSpec? CucmPublisher()
    {
        var cluster = Load.Setup.Deployment.ImpClusterOf(Load.Setup.Name)?.CucmCluster;
        return Load.Setup.Deployment.CucmClusters.FirstOrDefault(c => c.Name == cluster)?.Publisher;
    }

    private void Ask()
    {
        _request++;
        Node.Network.Send(ServiceNames.CiscoSyncAgent, CucmPublisher()!.Name, ServiceNames.CiscoTomcat, new UserSyncRequest(_request));
    }

    private void Complete(int users)
    {
        Timers.CancelAll();
        _request = -1;
        Node.Record(Path, "user-sync", ("status", "completed"), ("users", users.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Load.Database.Tell(new SaveUserSyncCompleted());
    }

    private sealed class SyncAgentRetry
    {
        public static readonly SyncAgentRetry Instance = new();
    }
}
