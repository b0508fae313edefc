using ImpClusterSim.Live.Network;

namespace ImpClusterSim.Live.Control;

// The coordinator's conversation with a node process's /user/control actor. Every message has an explicit codec
// (LiveCodecs); every request is answered, so the coordinator can wait on it with a bound.

/// <summary>
/// Starts the node's services with the run's virtual time starting at this wall instant (Unix ms), the same in every
/// process. Sent once every member is Up (and again after a restart). Answered with <see cref="ControlAck"/>.
/// </summary>
public sealed record StartServices(long EpochUnixMs);

/// <summary>Asks how the node is: answered with a <see cref="NodeStatusReport"/>.</summary>
public sealed record GetNodeStatus;

/// <summary>
/// A node process as it reports itself: its incarnation (counted in its SQLite file: 1 at first start, +1 at each
/// restart), its clock now (virtual ticks, skew included) and skew, what its network port sent and dropped, and how
/// many committed writes its store made in this incarnation.
/// </summary>
public sealed record NodeStatusReport(string Node, string Cluster, long Incarnation, long ClockTicks, long SkewTicks, long Sent, long Dropped, long DurableWrites);

/// <summary>Asks for the node's trace events after index <see cref="After"/>: answered with a <see cref="TraceBatch"/>.</summary>
public sealed record PullTrace(long After);

/// <summary>One trace event of a node, in run time (virtual ticks).</summary>
public sealed record TraceLine(long TimeTicks, string Node, string Path, string Event, IReadOnlyList<KeyValuePair<string, string>> Details);

/// <summary>
/// Trace events, and the index to ask after next; with them the node process's incarnation and its network port's
/// message counts so far (<see cref="NetworkCounts"/>, this incarnation only: a restarted process counts from zero).
/// </summary>
public sealed record TraceBatch(long Next, IReadOnlyList<TraceLine> Lines)
{
    public long Incarnation { get; init; }

    public NetworkCounts Counts { get; init; } = NetworkCounts.None;
}

/// <summary>Replaces the rules of the node's network port (partitions, loss, latency). Answered with <see cref="ControlAck"/>.</summary>
public sealed record SetLinkRules(LinkRules Rules);

/// <summary>Sets the node's clock skew (a fault). Answered with <see cref="ControlAck"/>.</summary>
public sealed record SetSkew(long SkewTicks);

/// <summary>Asks for a durable value by key: answered with a <see cref="DurableValue"/>.</summary>
public sealed record ReadDurable(string Key);

/// <summary>The value at a key, or not found.</summary>
public sealed record DurableValue(string Key, object? Value);

/// <summary>
/// A certificate upload to the node's disk (the durability probe of docs/live.md): stored whole in one put, then
/// answered with <see cref="UploadAcknowledged"/> only once committed.
/// </summary>
public sealed record UploadProbe(string Name, byte[] Content);

/// <summary>The reply to <see cref="UploadProbe"/>: the upload <c>Name</c> is committed to the node's durable store.</summary>
public sealed record UploadAcknowledged(string Name);

/// <summary>Asks which uploads the node's disk holds: answered with <see cref="UploadList"/>.</summary>
public sealed record ListUploads;

/// <summary>Uploads found whole (content matches its SHA-256) and how many were found damaged.</summary>
public sealed record UploadList(IReadOnlyList<string> Intact, int Damaged);

/// <summary>What an upload probe stores: the name, the bytes and their SHA-256 (to tell a whole value from a torn one).</summary>
public sealed record StoredUpload(string Name, byte[] Content, byte[] Sha256);

/// <summary>Asks the node process to leave the cluster and exit. Answered with <see cref="ControlAck"/> first.</summary>
public sealed record ShutdownNode;

/// <summary>The reply to a control message (<see cref="ShutdownNode"/>): <c>What</c> says which was done.</summary>
public sealed record ControlAck(string What);

/// <summary>
/// Plays step <see cref="Step"/> (its index in the scenario file the node process was started with) on
/// <see cref="Node"/>, this process's node: the scenario agent runs the operation against its own Service Manager.
/// Answered with <see cref="StepPlayed"/>.
/// </summary>
public sealed record PlayStep(int Step, string Node);

/// <summary>A run event a node process recorded while it played a step: node, event name and details.</summary>
public sealed record RunRecord(string Node, string Event, IReadOnlyList<KeyValuePair<string, string>> Details);

/// <summary>What playing a step recorded (the operation's result and reply, in order).</summary>
public sealed record StepPlayed(IReadOnlyList<RunRecord> Records);

/// <summary>
/// Evaluates condition <see cref="Condition"/> (its index in the scenario's conditions, expectations then assumptions,
/// each before the conditions inside it) on <see cref="Node"/>, this process's node. Answered with
/// <see cref="ConditionObserved"/>.
/// </summary>
public sealed record ProbeCondition(int Condition, string Node);

/// <summary>Whether the condition held on the node, and what was seen (the administrator's view).</summary>
public sealed record ConditionObserved(bool Holds, string Seen);

/// <summary>
/// A platform CLI line typed at <see cref="Node"/>'s <c>admin:</c> prompt (<c>impsim shell --connect</c>), run by the
/// node process's scenario agent against its own node. Answered with <see cref="CliOutput"/>.
/// </summary>
public sealed record RunCli(string Node, string Line);

/// <summary>What the node's CLI printed; <see cref="Answered"/> is false when the node gave no answer.</summary>
public sealed record CliOutput(bool Answered, string Output);

/// <summary>Asks a node process which nodes it sees as Up members: answered with <see cref="MemberList"/>.</summary>
public sealed record ListMembers;

/// <summary>The Up, reachable node members a process sees: node names and their Akka addresses, in name order.</summary>
public sealed record MemberList(IReadOnlyList<string> Nodes, IReadOnlyList<string> Addresses);
