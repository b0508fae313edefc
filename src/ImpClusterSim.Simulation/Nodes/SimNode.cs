using Akka.Actor;
using ImpClusterSim.Node;
using ImpClusterSim.Node.Ports;

namespace ImpClusterSim.Simulation.Nodes;

/// <summary>
/// A simulated node: an ActorSystem named after the node, its guardian and services, its disk and its clock skew.
/// Lifecycle: <see cref="Start"/>, graceful <see cref="Stop"/>, <see cref="Crash"/> (everything volatile gone at once),
/// and start again. The disk outlives every incarnation. All of it runs on the run's loop thread.
/// </summary>
public sealed class SimNode
{
    private readonly SimulationRun _run;
    private readonly Func<NodeContext, Props> _root;
    private NodeSystemLease? _lease;
    private ActorSystem? _system;
    private IActorRef? _guardian;
    private Incarnation? _life;
    private int _incarnations;

    internal SimNode(SimulationRun run, string name, string cluster, Func<NodeContext, Props> root)
    {
        _run = run;
        Name = name;
        Cluster = cluster;
        _root = root;
        Disk = new SimDisk(name);
    }

    public string Name { get; }

    public string Cluster { get; }

    public SimDisk Disk { get; }

    /// <summary>Offset of this node's clock from virtual time (a fault). Only this node sees it.</summary>
    public TimeSpan Skew { get; set; }

    public NodeStatus Status { get; private set; } = NodeStatus.Down;

    public bool IsUp => Status == NodeStatus.Up;

    /// <summary>The ActorSystem of the current incarnation (null while the node is down).</summary>
    public ActorSystem? System => _system;

    /// <summary>This node's context as its actors see it (null while the node is down).</summary>
    public NodeContext? Context { get; private set; }

    public void Start()
    {
        if (Status != NodeStatus.Down) throw new InvalidOperationException($"Node {Name} is {Status}, not Down");
        _life = new Incarnation(++_incarnations);
        var network = _run.Network.ForNode(Name);
        Context = new NodeContext(
            Name,
            new SkewedClock(_run.Kernel.Clock, this),
            new RunClock(_run.Kernel.Clock),
            _life.Guard(network),
            _life.Guard(_run.Options.DiskPort?.Invoke(Name, Disk) ?? Disk),
            purpose => _run.Randomness.ForNode(Name).Stream(purpose + "#" + _life.Number.ToString(global::System.Globalization.CultureInfo.InvariantCulture)),
            _life.Guard(_run.Trace));
        // A system of an earlier run of this process if one is idle (NodeSystemPool): it comes with nothing of that run.
        _lease = NodeSystemPool.Acquire(Name, _run.Kernel);
        _lease.ReportFailuresTo((path, message, cause) => _run.RecordActorFailure(Name, path, message, cause));
        _system = _lease.System;
        _guardian = _system.ActorOf(_root(Context), NodeGuardian.Name);
        var guardian = _guardian;
        var context = Context;
        // Routed by the node's Service Manager's table once it has one (no hop through its mailbox), else to the node's
        // top actor, which routes it (a Service Manager not started yet, or a node without one).
        _run.Network.Register(Name, e =>
        {
            if (context.Routes.Ready) context.Routes.Deliver(e, ActorRefs.NoSender, context.Network);
            else guardian.Tell(e);
        });
        Status = NodeStatus.Up;
        _run.RecordRunEvent(Name, "node-started", ("incarnation", _life.Number.ToString(global::System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>Everything volatile is gone at once: actors, timers, messages in flight to the node. The disk stays.</summary>
    public void Crash()
    {
        if (Status == NodeStatus.Down) return;
        _run.RecordRunEvent(Name, "node-crashed");
        TearDown();
    }

    /// <summary>A graceful stop: the node leaves the network and its actors stop in order (they may persist on the way).</summary>
    public void Stop()
    {
        if (Status != NodeStatus.Up) return;
        Status = NodeStatus.Stopping;
        _run.Network.Unregister(Name);
        _run.RecordRunEvent(Name, "node-stopping");
        _guardian!.Tell(PoisonPill.Instance);
        // Let the actors stop on the loop, then end the incarnation.
        _run.Kernel.Clock.ScheduleAfter(TimeSpan.Zero, () =>
        {
            _run.RecordRunEvent(Name, "node-stopped");
            TearDown();
        });
    }

    /// <summary>Crash-restart if up, or start if down: the new incarnation finds the disk as the old one left it.</summary>
    public void Restart()
    {
        if (Status != NodeStatus.Down) Crash();
        Start();
    }

    /// <summary>Sends a local message to one of the node's services (an administrator's action). Lost if the node is down.</summary>
    public bool Tell(string service, object message) => Tell(new ToService(service, message));

    /// <summary>Sends a local message to the node's top actor. Lost (false) if the node is down.</summary>
    public bool Tell(object message, IActorRef? sender = null)
    {
        if (Status != NodeStatus.Up) return false;
        _guardian!.Tell(message, sender ?? ActorRefs.NoSender);
        return true;
    }

    /// <summary>Ends the node with its run: like a crash, but not an event of the run (nothing is traced).</summary>
    internal void Discard()
    {
        if (Status != NodeStatus.Down) TearDown();
    }

    private void TearDown()
    {
        _run.Network.Unregister(Name);
        _life?.End();
        if (_lease is { } lease)
        {
            // Its actors stop on the loop; the run hands the system back to the pool once the loop is quiescent at its end.
            lease.End();
            _run.Ended(lease);
        }
        _lease = null;
        _system = null;
        _guardian = null;
        Context = null;
        Status = NodeStatus.Down;
    }
}

/// <summary>Whether a <see cref="SimNode"/> has a running incarnation.</summary>
public enum NodeStatus
{
    /// <summary>No incarnation: never started, crashed or stopped.</summary>
    Down,
    /// <summary>An incarnation is running.</summary>
    Up,
    /// <summary>A graceful stop is under way.</summary>
    Stopping,
}
