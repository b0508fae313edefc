using ImpClusterSim.Domain.Time;
using ImpClusterSim.Domain.Topology;

namespace ImpClusterSim.Domain.Intercluster;

/// <summary>An input to <see cref="InterclusterSyncAgent.Apply"/>.</summary>
public abstract record IcsaCommand;

/// <summary>Presence &gt; Inter-Clustering &gt; Add New, saved.</summary>
public sealed record AddPeer(InterclusterPeer Peer) : IcsaCommand;

/// <summary>Presence &gt; Inter-Clustering, Delete (this side only).</summary>
public sealed record DeletePeer(string PeerAddress) : IcsaCommand;

/// <summary>The Cisco Intercluster Sync Agent (re)started on the publisher.</summary>
public sealed record AgentStarted : IcsaCommand;

/// <summary>Force Manual Sync, with or without "Also resync peer's Tomcat certificates".</summary>
public sealed record ForceManualSync(string PeerAddress, bool ResyncTomcat) : IcsaCommand;

/// <summary>
/// A scheduled sync time came (the actor's timer); ignored unless the peer's sync is still due by then. With
/// <paramref name="Elapsed"/> the actor says its (monotonic) timer for the latest schedule ran out, so the sync is due
/// even if the node's wall clock was set back meanwhile (a skew fault must not postpone syncs by the skew).
/// </summary>
public sealed record SyncDue(string PeerAddress, bool Elapsed = false) : IcsaCommand;

/// <summary>Another cluster's agent restarted and said so (see <see cref="NotifyPeerAgentRestarted"/>).</summary>
public sealed record PeerAgentRestarted(NodeSpec From) : IcsaCommand;

/// <summary>A sync the agent started (<see cref="StartSync"/>) finished with what it observed.</summary>
public sealed record SyncCompleted(string PeerAddress, SyncAttempt Attempt) : IcsaCommand;

/// <summary>Something the actor carries out for <see cref="InterclusterSyncAgent"/>.</summary>
public abstract record IcsaEffect;

/// <summary>Connect to the peer now, gather a <see cref="SyncAttempt"/> and send back <see cref="SyncCompleted"/>.</summary>
public sealed record StartSync(string PeerAddress, bool ResyncTomcat) : IcsaEffect;

/// <summary>Tell the peer's agent that this agent restarted, so it syncs from this cluster at once.</summary>
public sealed record NotifyPeerAgentRestarted(string PeerAddress) : IcsaEffect;

/// <summary>Send <see cref="SyncDue"/> at <paramref name="At"/>.</summary>
public sealed record ScheduleSync(string PeerAddress, SimInstant At) : IcsaEffect;

/// <summary>
/// Import a certificate into the local publisher's trust store (cluster replication then spreads it); the actor
/// also appends <see cref="Exchange"/> to the run's exchange log.
/// </summary>
public sealed record ImportCertificate(string PeerAddress, CertificateImport Import, CertificateExchange Exchange) : IcsaEffect;

/// <summary>Raise an alarm (and write the InterClusterSyncAgentStatus syslog line, domain facts §1.4.9).</summary>
public sealed record RaiseAlarm(IcsaAlarm Alarm) : IcsaEffect;

/// <summary>A peer's Certificate Status changed.</summary>
public sealed record PeerStatusChanged(string PeerAddress, PeerStatus From, PeerStatus To) : IcsaEffect;

/// <summary>The result of one command: the agent after it, the effects in order and a message for the administrator.</summary>
public sealed record IcsaResult(InterclusterSyncAgent Agent, System.Collections.Immutable.ImmutableArray<IcsaEffect> Effects, string? Message);
