using Akka.Actor;
using ImpClusterSim.Domain.Time;
using ImpClusterSim.Scenarios.Language;

namespace ImpClusterSim.Scenarios.Runner;

/// <summary>
/// Where a scenario plays, as the runner's parts (<see cref="OperationExecutor"/>, <see cref="ConditionProbe"/>,
/// <see cref="CheckBoard"/>) see it: the run's clock and timers, the nodes' state and the administrator's requests.
/// Three hosts: the simulated run (<see cref="SimRunHost"/>, every node in this process, virtual time); the live
/// coordinator (node processes, scaled wall time: it plays a step and probes a node by asking that node's process); and
/// the scenario agent inside one live node process (its own node only, no timers). Times are virtual.
/// </summary>
internal interface IRunHost
{
    /// <summary>The run's virtual time zero.</summary>
    SimInstant Start { get; }

    /// <summary>The run's virtual now (the run clock, without any node's skew).</summary>
    SimInstant Now { get; }

    /// <summary>Runs <paramref name="action"/> at the virtual instant <paramref name="when"/> (now if it has passed).</summary>
    void At(SimInstant when, Action action);

    /// <summary>Runs <paramref name="action"/> once every other item due at the current virtual instant has run.</summary>
    void AtInstantEnd(Action action);

    /// <summary>The node's own clock (the run clock plus its skew).</summary>
    SimInstant NodeClock(string node);

    /// <summary>Whether the node is running and reachable by the administrator.</summary>
    bool IsUp(string node);

    /// <summary>A query or operation on a node's Service Manager; null when the node is down or does not answer.</summary>
    T? Request<T>(string node, Func<IActorRef, object> make) where T : class;

    /// <summary>
    /// A read-only query whose answer depends only on the node's actors: the sim host answers from its last answer
    /// when no actor of the node handled a message since (the same incarnation); the live hosts ask every time.
    /// </summary>
    T? Query<T>(string node, Func<IActorRef, object> make) where T : class;

    /// <summary>
    /// A stamp of what the node's counted views show (<see cref="Node.NodeStateViews"/>: certificates, the agent's peer
    /// states, FIPS) and of its incarnation: two equal stamps mean the same answers to those queries. Taken before a
    /// check asks, so that whatever changes while it asks makes the next stamp differ. A node that is down has a stamp of
    /// its own; null when the host cannot tell (the live hosts), which a reader treats as "changed".
    /// </summary>
    ViewStamp? Stamp(string node);

    /// <summary>An operation whose answer comes later: <paramref name="onReply"/> gets each reply on the run's thread.</summary>
    void Send(string node, Func<IActorRef, object> make, Action<object> onReply);

    /// <summary>A run event (the trace, the timeline, the checks' observers).</summary>
    void Record(string node, string @event, (string Key, string Value)[] details);

    /// <summary>
    /// Plays <paramref name="step"/>'s operation on <paramref name="node"/>: <paramref name="here"/> runs it where the
    /// node can be asked directly; the live coordinator has the node's process run it and records what it reported.
    /// </summary>
    void Play(string node, Step step, Action here);

    /// <summary>
    /// Observes <paramref name="condition"/> on one node: <paramref name="here"/> where the node can be asked directly;
    /// the live coordinator has the node's process evaluate it (the condition is named by its index in the scenario).
    /// </summary>
    Observation Probe(string node, Condition condition, Func<Observation> here);
}

/// <summary>
/// See <see cref="IRunHost.Stamp"/>: the incarnation's view counters (<paramref name="Views"/>, null while the node is down)
/// and their <see cref="Node.NodeStateViews.Version"/> when the stamp was taken.
/// </summary>
internal readonly record struct ViewStamp(object? Views, long Version);
