using System.Collections.Immutable;

namespace ImpClusterSim.Domain.Services;

/// <summary>A command to a node's services (from the CLI, Control Center, Service Activation, or a scheduled completion).</summary>
public abstract record ServiceCommand;

/// <summary><c>utils service start</c> / Control Center Start.</summary>
public sealed record StartService(string Service) : ServiceCommand;

/// <summary><c>utils service stop</c> / Control Center Stop: the service ends "Commanded Out of Service".</summary>
public sealed record StopService(string Service) : ServiceCommand;

/// <summary><c>utils service restart</c> / Control Center Restart.</summary>
public sealed record RestartService(string Service) : ServiceCommand;

/// <summary>Service Activation: activate a feature service (it starts).</summary>
public sealed record ActivateService(string Service) : ServiceCommand;

/// <summary>Service Activation: deactivate a feature service (it stops, "Service Not Activated").</summary>
public sealed record DeactivateService(string Service) : ServiceCommand;

/// <summary>Scheduled by the domain (see <see cref="CompletionDue"/>): the start begun at <paramref name="Epoch"/> is done.</summary>
public sealed record ServiceStartCompleted(string Service, long Epoch) : ServiceCommand;

/// <summary>Scheduled by the domain: the stop begun at <paramref name="Epoch"/> is done.</summary>
public sealed record ServiceStopCompleted(string Service, long Epoch) : ServiceCommand;

/// <summary>The node boots: every activated service starts.</summary>
public sealed record BootNode : ServiceCommand;

/// <summary>The node goes down (crash, reboot, halt): every service is stopped at once; pending completions go stale.</summary>
public sealed record ShutDownNode : ServiceCommand;

/// <summary>
/// The Cisco Replication Watcher's input on a subscriber: IDS replication with the publisher is established (or lost).
/// While it is not, feature services that finish starting stay Starting; when it is, they are Started.
/// </summary>
public sealed record ReplicationStateChanged(bool Established) : ServiceCommand;

/// <summary>What happened, for the actor to trace and act on.</summary>
public abstract record ServiceEvent;

/// <summary>A service moved from one status to another.</summary>
public sealed record ServiceStatusChanged(string Service, ServiceStatus From, ServiceStatus To) : ServiceEvent;

/// <summary>The actor must deliver <paramref name="Completion"/> back to the node's services after <paramref name="After"/>.</summary>
public sealed record CompletionDue(ServiceCommand Completion, TimeSpan After) : ServiceEvent;

/// <summary>
/// The Cisco Replication Watcher delays <paramref name="Service"/>'s start until IDS replication is established (the
/// sources: "generates an alarm when it delays feature service startup on a node").
/// </summary>
public sealed record FeatureStartDelayed(string Service) : ServiceEvent;

/// <summary>Replication is established and the delayed services go on (the sources' "notification").</summary>
public sealed record ReplicationEstablished(ImmutableArray<string> Released) : ServiceEvent;

/// <summary>How a command was taken.</summary>
public enum ServiceCommandOutcome
{
    Accepted,
    AlreadyStarted,
    AlreadyStopped,
    NotActivated,
    UnknownService,
    CannotDeactivateNetworkService,
    Ignored,
}

/// <summary>The reply to a command; <paramref name="Service"/> is the canonical display name when it is known.</summary>
public sealed record ServiceReply(ServiceCommandOutcome Outcome, string Service);

/// <summary>The result of <see cref="NodeServices.Apply"/>: the new state, what happened, and the reply.</summary>
public sealed record ServicesResult(NodeServices State, ImmutableArray<ServiceEvent> Events, ServiceReply Reply);
