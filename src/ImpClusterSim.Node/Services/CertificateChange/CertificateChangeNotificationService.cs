using Akka.Actor;
using ImpClusterSim.Node.Runtime;

namespace ImpClusterSim.Node.Services;

/// <summary>
/// Cisco Certificate Change Notification (<c>/user/node/cisco-certificate-change-notification</c>, every node): keeps
/// the node's certificate files in step with the cluster database. While it runs it asks the node's database at its
/// start and then every <see cref="RuntimeTimings.CertificateChangeCheck"/> (virtual time, on a phase of its own drawn
/// from the seed) to copy back each trust certificate deleted on this node that another node of the cluster still
/// holds: before release 11.0 a deletion is per node and "gets populated back" unless it is made on every node, which
/// is why Cisco's advice is to stop this service on all nodes before deleting (Cisco TAC document 211300). With
/// cluster-wide deletion (<see cref="Domain.Replication.TrustDeletionScope.Cluster"/>) there is nothing to copy back.
/// </summary>
public sealed class CertificateChangeNotificationService : ServiceActor
{
    private ICancelable? _checks;

    public CertificateChangeNotificationService(NodeContext node, ServiceLoad load) : base(node, load)
    {
    }

    public static new Props Props(NodeContext node, ServiceLoad load) =>
        ActorFactory.Props(() => new CertificateChangeNotificationService(node, load));

    protected override void PreStart()
    {
        if (Load.Setup.Timings.TrustDeletion != Domain.Replication.TrustDeletionScope.PerNode) return;
        var every = Load.Setup.Timings.CertificateChangeCheck;
        var phase = TimeSpan.FromTicks(Node.Random("certificate-change-notification").NextInt64(1, every.Ticks + 1));
        Load.Database.Tell(CheckCertificateChanges.Instance);
        // Straight to the database on the node's scheduler (one message a check, not a timer message and a forward);
        // cancelled when the service stops, as its timers would be.
        _checks = Context.System.Scheduler.ScheduleTellRepeatedlyCancelable(phase, every, Load.Database, CheckCertificateChanges.Instance, Self);
    }

    protected override void PostStop()
    {
        _checks?.Cancel();
        base.PostStop();
    }
}
