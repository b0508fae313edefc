using Akka.Actor;
using ImpClusterSim.Domain.Services;

namespace ImpClusterSim.Node.Runtime;

/// <summary>An administrator's admin CLI line on this node (<c>admin:</c> prompt); the reply is a <see cref="CliReply"/>.</summary>
public sealed record CliRequest(string Line, IActorRef ReplyTo);

/// <summary>What the platform printed for a CLI line.</summary>
public sealed record CliReply(string Node, string Line, string Output);

/// <summary>Control Center / Service Activation: a command to one of the node's services.</summary>
public sealed record ServiceControl(ServiceCommand Command, IActorRef? ReplyTo = null);

/// <summary>The reply to <see cref="ServiceControl"/>.</summary>
public sealed record ServiceControlReply(string Node, ServiceReply Reply);

/// <summary>Asks for the state of the node's services; the reply is a <see cref="ServicesSnapshot"/>.</summary>
public sealed record QueryServices(IActorRef ReplyTo);

/// <summary>The reply to <see cref="QueryServices"/>: every service of the node and its status (Started, Starting, Stopped, Stopping).</summary>
public sealed record ServicesSnapshot(string Node, NodeServices Services);

/// <summary>
/// The network answer of a node whose addressed service is not running: the platform refuses the connection at once
/// (as a closed port does), so the caller does not wait for a timeout.
/// </summary>
public sealed record ServiceUnavailable(string Service, object Request);
