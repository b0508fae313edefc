using ImpClusterSim.Domain.Services;

namespace ImpClusterSim.Scenarios.Language;

/// <summary>What a fault does; <see cref="Kind"/> is its name in the language.</summary>
public abstract record FaultAction(SourceSpan Span)
{
    /// <summary>The fault's key in a scenario's <c>faults</c> entry, e.g. <c>partition</c> (docs/scenarios.md, "Faults").</summary>
    public abstract string Kind { get; }
}

/// <summary>With <see cref="OneWay"/>, only messages from <see cref="A"/> to <see cref="B"/> are dropped.</summary>
public sealed record Partition(Endpoints A, Endpoints B, bool OneWay, SourceSpan Span) : FaultAction(Span)
{
    public override string Kind => "partition";
}

/// <summary>Heals the fault with id <see cref="Id"/>, or every partition and link change when it is null ("all").</summary>
public sealed record Heal(string? Id, SourceSpan Span) : FaultAction(Span)
{
    public override string Kind => "heal";
}

/// <summary>Changes the link both ways between the two sides; a null field keeps its current value.</summary>
public sealed record LinkChange(
    Endpoints A, Endpoints B, DurationRange? Latency, string? Distribution, double? Loss, double? Duplication, double? Reorder, SourceSpan Span)
    : FaultAction(Span)
{
    public override string Kind => "link";
}

/// <summary><c>crash</c>: <see cref="Node"/> loses its actors and volatile state (its simulated disk survives); it boots again after <see cref="RestartAfter"/> (virtual time) or stays down when null.</summary>
public sealed record Crash(string Node, TimeSpan? RestartAfter, SourceSpan Span) : FaultAction(Span)
{
    public override string Kind => "crash";
}

/// <summary><c>restart-node</c>: <see cref="Node"/> reboots: a graceful stop, and a start 2 minutes later (virtual time) as a new incarnation (a halted FIPS node boots again).</summary>
public sealed record RestartNode(string Node, SourceSpan Span) : FaultAction(Span)
{
    public override string Kind => "restart-node";
}

/// <summary>service-kill (<see cref="Kill"/>: the process dies) or service-stop (stopped behind the administrators' back).</summary>
public sealed record ServiceFault(bool Kill, string Node, string Service, SourceSpan Span) : FaultAction(Span)
{
    public override string Kind => Kill ? "service-kill" : "service-stop";
}

/// <summary><c>clock-skew</c>: <see cref="Node"/>'s clock reads <see cref="Offset"/> away from the run's virtual time (certificate validity is judged at the node's clock).</summary>
public sealed record ClockSkew(string Node, TimeSpan Offset, SourceSpan Span) : FaultAction(Span)
{
    public override string Kind => "clock-skew";
}

/// <summary><c>fips-selftest-failure</c>: <see cref="Node"/>'s FIPS 140-2 start-up self-tests fail (guide: "Node Reboot in FIPS 140-2 Mode"): a transient fault halts the node until it is restarted; a <see cref="Persistent"/> one halts it on every boot until it is recovered.</summary>
public sealed record FipsSelfTestFailure(string Node, bool Persistent, SourceSpan Span) : FaultAction(Span)
{
    public override string Kind => "fips-selftest-failure";
}

/// <summary>
/// name-resolution: <see cref="Node"/>'s resolver cannot resolve <see cref="Host"/>'s host name (or, with
/// <see cref="Delay"/>, only after that long). <see cref="Host"/> still reaches <see cref="Node"/>, and replies come back.
/// </summary>
public sealed record NameResolutionFault(string Node, string Host, TimeSpan? Delay, SourceSpan Span) : FaultAction(Span)
{
    public override string Kind => "name-resolution";
}

/// <summary>disk-failure: every write to <see cref="Node"/>'s disk fails (I/O error) while the fault lasts.</summary>
public sealed record DiskFailure(string Node, SourceSpan Span) : FaultAction(Span)
{
    public override string Kind => "disk-failure";
}
