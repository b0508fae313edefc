using System.Collections.Immutable;
using Akka.Actor;
using ImpClusterSim.Domain.Cli;
using ImpClusterSim.Domain.Intercluster;
using ImpClusterSim.Domain.Services;
using ImpClusterSim.Domain.Tls;
using ImpClusterSim.Node.Runtime;
using ImpClusterSim.Pki;

namespace ImpClusterSim.Node.Services;

// Messages between the actors of one node (never on the network): the Service Manager, the node's database and the
// service actors. Immutable records, like everything an actor sends.

/// <summary>
/// The node's database changed (it has already been written to disk): the database tells the Service Manager, which
/// hands it to the running services that read the database live (Cisco Tomcat answering AXL, the Intercluster Sync
/// Agent), those whose actor is an <see cref="IFollowsDatabase"/>. A service that reads what it loaded at start is not
/// told.
/// </summary>
public sealed record DatabaseChanged(NodeDatabaseState State);

/// <summary>
/// A service actor that reads its node's database live, after its start: it handles <see cref="DatabaseChanged"/>, and
/// the Service Manager sends each change only to such actors (by the actor's type, from its Props).
/// </summary>
public interface IFollowsDatabase;

/// <summary>
/// The Service Manager tells a resident service actor (one that outlives its service's stops, e.g. the Intercluster
/// Sync Agent, whose peer status panel and configuration pages work while it is stopped) that its service reached
/// Started (<paramref name="Load"/> is what it loaded) or left it (null).
/// </summary>
public sealed record ServiceRunning(string Service, ServiceLoad? Load);

/// <summary>
/// The Intercluster Sync Agent's decision to keep: the agent's new state and the certificates it imports, written by
/// the database in one atomic put (so a crash never keeps a peer's new status without its imports, or the reverse);
/// <paramref name="Reply"/>, if any, goes to <paramref name="ReplyTo"/> once it is on disk.
/// </summary>
public sealed record SaveIntercluster(
    InterclusterSyncAgent Agent,
    ImmutableArray<ImportCertificate> Imports,
    IActorRef? ReplyTo = null,
    object? Reply = null);

/// <summary>
/// The database could not keep <paramref name="Refused"/> (a disk fault: the write failed, nothing changed). The agent
/// goes back to what the disk holds (<paramref name="Persisted"/>) unless it has decided something newer since (that
/// later save carries the whole agent state and has its own answer).
/// </summary>
public sealed record InterclusterSaveRefused(InterclusterSyncAgent Refused, NodeDatabaseState Persisted);

/// <summary>The Certificate Import Tool verified a peer: import into the store, add the TLS peer subject (on disk before <paramref name="Reply"/>).</summary>
public sealed record SaveImportToolResult(CertificateImportReport Report, IActorRef ReplyTo, object Reply);

/// <summary>
/// Cisco XCP Router, starting with router-to-router secure mode active, puts its node's cup-xmpp certificate into
/// cup-xmpp-trust (replicated in the cluster).
/// </summary>
public sealed record TrustOwnXmppCertificate(string Reason);

/// <summary>The node's FIPS mode changed (or a boot found the certificates in the other mode): regenerate every own certificate.</summary>
public sealed record ChangeFipsMode(bool Fips);

/// <summary>An admin CLI command the database answers (certificates, replication); the reply is a <see cref="Runtime.CliReply"/>.</summary>
public sealed record DatabaseCliCommand(string Node, string Line, CliCommand Command, IActorRef ReplyTo);

/// <summary>
/// The System Troubleshooter, forwarded by the database (which knows each node's FIPS mode from replication) to the
/// Intercluster Sync Agent.
/// </summary>
public sealed record RunTroubleshooterWith(ImmutableSortedDictionary<string, bool> NodeFips, IActorRef ReplyTo);

/// <summary>Cisco Tomcat asks the Cisco AXL Web Service of its node to answer a peer agent's sync (AXL over HTTPS).</summary>
public sealed record AxlSyncQuery(string FromNode, string FromService, IcsaSyncRequest Request, ImmutableArray<Certificate> PresentedTomcatChain);

/// <summary>
/// The node's services start again after a reboot that kept the database running (FIPS mode change): a subscriber's
/// database asks its publisher at once, as at a boot, so the Replication Watcher does not wait for the next poll.
/// </summary>
public sealed record CatchUpReplication
{
    /// <summary>The one instance.</summary>
    public static readonly CatchUpReplication Instance = new();
}

/// <summary>The replication link of a subscriber with its publisher came up or went down (the Replication Watcher reads it).</summary>
public sealed record ReplicationLinkChanged(bool Up);

/// <summary>The Cisco Sync Agent completed its user sync from CUCM: the database keeps it (the intercluster agent reads it).</summary>
public sealed record SaveUserSyncCompleted;

/// <summary>
/// The Cisco Certificate Change Notification service to its node's database: compare the node's trust stores with the
/// cluster database and copy back what another node still holds (docs/certificates.md).
/// </summary>
public sealed record CheckCertificateChanges
{
    public static readonly CheckCertificateChanges Instance = new();
}
