using System.Globalization;
using Akka.Actor;
using ImpClusterSim.Node.Runtime;
using ImpClusterSim.Simulation.Nodes;

namespace ImpClusterSim.Simulation;

/// <summary>
/// The administrator's seat in a run: sends operations to nodes and reads their replies, without Ask and without
/// moving virtual time (an operation is answered once the loop is quiescent). Used by scenarios, the shell and tests.
/// </summary>
public sealed class Operator
{
    private readonly SimulationRun _run;
    private readonly NodeSystemLease _lease;
    private readonly ActorSystem _system;
    private readonly IActorRef _inbox;
    private readonly Queue<object> _replies = new();
    private long _callbacks;

    /// <summary>The name of the operator's ActorSystem (its actors' paths start with it).</summary>
    public const string SystemName = "operator";

    internal Operator(SimulationRun run)
    {
        _run = run;
        // A system from the pool, as a node's (NodeSystemPool): creating one costs Akka's configuration parse per run.
        _lease = NodeSystemPool.Acquire(SystemName, run.Kernel);
        _system = _lease.System;
        _inbox = _system.ActorOf(ActorFactory.Props(() => new Inbox(_replies)), "inbox");
    }

    /// <summary>The operator's ActorSystem, leased from <see cref="NodeSystemPool"/> for the run's life.</summary>
    public ActorSystem System => _system;

    /// <summary>
    /// Sends the message made by <paramref name="make"/> (given the reply address) to <paramref name="node"/>'s top actor
    /// and returns its reply of type <typeparamref name="T"/>; null when the node is down or gave no such reply.
    /// </summary>
    public T? Request<T>(string node, Func<IActorRef, object> make) where T : class => Request<T>(node, make, TimeSpan.Zero);

    /// <summary>
    /// As <see cref="Request{T}(string, Func{IActorRef, object})"/>, but an answer may take virtual time (a page that
    /// waits for the network): the run advances, timer by timer, until the reply comes or <paramref name="within"/> has
    /// passed. Virtual time stays where the reply arrived.
    /// </summary>
    public T? Request<T>(string node, Func<IActorRef, object> make, TimeSpan within) where T : class
    {
        _replies.Clear();
        if (!_run[node].Tell(make(_inbox))) return null;
        var deadline = _run.Now + within;
        _run.Kernel.RunUntilQuiescent();
        while (true)
        {
            while (_replies.TryDequeue(out var reply))
                if (reply is T t) return t;
            if (!_run.Kernel.Clock.FireNext(deadline)) return null;
            _run.Kernel.RunUntilQuiescent();
        }
    }

    /// <summary>
    /// Lets virtual time pass, timer by timer, until <paramref name="done"/> holds (it is asked once the loop is
    /// quiescent, before each timer) or <paramref name="within"/> has passed; true if it came to hold. Used where an
    /// administrator's tool blocks until something happened (the admin CLI waiting for a service).
    /// </summary>
    public bool AdvanceUntil(Func<bool> done, TimeSpan within)
    {
        var deadline = _run.Now + within;
        _run.Kernel.RunUntilQuiescent();
        while (!done())
        {
            if (!_run.Kernel.Clock.FireNext(deadline)) return false;
            _run.Kernel.RunUntilQuiescent();
        }
        return true;
    }

    /// <summary>
    /// Sends an operation whose answer may come later in virtual time (or never, if the node goes down): each reply is
    /// handed to <paramref name="onReply"/> on the loop thread when it arrives. Returns false if the node is down.
    /// </summary>
    public bool Send(string node, Func<IActorRef, object> make, Action<object> onReply)
    {
        // Named by the run's own count, not Akka's generated names: the system may have served an earlier run.
        var replyTo = _system.ActorOf(ActorFactory.Props(() => new Callback(onReply)), "reply-" + (++_callbacks).ToString(CultureInfo.InvariantCulture));
        return _run[node].Tell(make(replyTo));
    }

    /// <summary>
    /// Ends the operator with its run: its actors stop on the loop, and <paramref name="ended"/> hands the system back
    /// to the pool once the loop is quiescent (as a node's at the end of its incarnation).
    /// </summary>
    internal void Shutdown(Action<NodeSystemLease> ended)
    {
        _lease.End();
        ended(_lease);
    }

    private sealed class Callback : ReceiveActor
    {
        public Callback(Action<object> onReply) => ReceiveAny(onReply);
    }

    private sealed class Inbox : ReceiveActor
    {
        public Inbox(Queue<object> replies) => ReceiveAny(replies.Enqueue);
    }
}
