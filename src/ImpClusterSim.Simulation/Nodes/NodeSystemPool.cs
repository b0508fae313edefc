using Akka.Actor;
using ImpClusterSim.Simulation.Kernel;

namespace ImpClusterSim.Simulation.Nodes;

/// <summary>
/// The ActorSystems of nodes whose incarnations ended, kept for the next incarnation of a node of the same name in a later
/// run, so that a campaign does not create 20 to 40 systems per run (Akka parses its reference configuration and builds
/// its system actors in every <c>ActorSystem.Create</c>: about a tenth of a chaos run; docs/kernel.md, "Reusing node
/// systems"). What a system carries from one run to the next is what Akka builds before any actor of ours: the system
/// guardians, the event stream, dead letters. A system is put back only if nothing of the run is left in it: its user
/// actors all stopped and terminated once the run's loop was quiescent, and nothing asked it to run or arm a timer while
/// it was parked (<see cref="KernelBinding.Tainted"/>); otherwise it is terminated. Bounded (<see cref="MaxPerName"/>,
/// <see cref="MaxSystems"/>): beyond that the system idle longest is terminated. Safe across threads; each lease is used
/// by one run's loop thread at a time.
/// </summary>
public static class NodeSystemPool
{
    /// <summary>The most idle systems kept per node name (a run of the default deployment needs up to about 5 per name).</summary>
    public const int MaxPerName = 16;

    /// <summary>The most idle systems kept in all; beyond it the one idle longest goes.</summary>
    public const int MaxSystems = 256;

    // Idle systems per name (the most recently returned last) and all of them in the order returned (oldest first), under
    // one lock: a run acquires and returns a few dozen systems, so the lock is never busy.
    private static readonly object Gate = new();
    private static readonly Dictionary<string, LinkedList<NodeSystemLease>> Idle = new(StringComparer.Ordinal);
    private static readonly LinkedList<NodeSystemLease> Oldest = new();

    /// <summary>How many idle systems named <paramref name="name"/> the pool holds.</summary>
    public static int IdleCount(string name)
    {
        lock (Gate) return Idle.TryGetValue(name, out var named) ? named.Count : 0;
    }

    /// <summary>A system named <paramref name="name"/>, bound to <paramref name="kernel"/>: an idle one, or a new one.</summary>
    public static NodeSystemLease Acquire(string name, SimulationKernel kernel)
    {
        while (Take(name) is { } lease)
        {
            // Something reached it while it sat idle (see KernelBinding.Tainted): not reused.
            if (lease.Binding.Tainted)
            {
                lease.Retire();
                continue;
            }
            lease.Binding.Bind(kernel);
            return lease;
        }

        var binding = KernelBinding.Create(kernel);
        return new NodeSystemLease(ActorSystem.Create(name, binding.Config), binding);
    }

    /// <summary>
    /// Takes back a system whose incarnation ended (<see cref="NodeSystemLease.End"/>), once its run's loop is quiescent:
    /// kept if clean, terminated if not, or if its name has <see cref="MaxPerName"/> idle already. Call on the loop
    /// thread of the run it was bound to.
    /// </summary>
    internal static void Return(NodeSystemLease lease)
    {
        if (lease.Binding.Tainted || lease.UserActors.Any())
        {
            lease.Retire();
            return;
        }

        lease.Binding.Park();
        NodeSystemLease? evicted = null;
        lock (Gate)
        {
            if (!Idle.TryGetValue(lease.System.Name, out var named)) Idle[lease.System.Name] = named = new LinkedList<NodeSystemLease>();
            if (named.Count >= MaxPerName)
            {
                evicted = lease;
            }
            else
            {
                lease.InPool = (named.AddLast(lease), Oldest.AddLast(lease));
                if (Oldest.Count > MaxSystems) evicted = Remove(Oldest.First!.Value);
            }
        }
        evicted?.Retire();
    }

    private static NodeSystemLease? Take(string name)
    {
        lock (Gate)
        {
            return Idle.TryGetValue(name, out var named) && named.Last is { } last ? Remove(last.Value) : null;
        }
    }

    private static NodeSystemLease Remove(NodeSystemLease lease)
    {
        var (named, oldest) = lease.InPool!.Value;
        named.List!.Remove(named);
        Oldest.Remove(oldest);
        lease.InPool = null;
        return lease;
    }
}

/// <summary>
/// A node's ActorSystem for one incarnation (<see cref="NodeSystemPool"/>), with its kernel binding and the target of
/// its actor-failure reports (the sink is subscribed once, when the system is created).
/// </summary>
public sealed class NodeSystemLease
{
    private Action<string, string, Exception?>? _failed;

    internal NodeSystemLease(ActorSystem system, KernelBinding binding)
    {
        System = system;
        Binding = binding;
        ActorFailureSink.Attach(system, (path, message, cause) => _failed?.Invoke(path, message, cause));
    }

    public ActorSystem System { get; }

    public KernelBinding Binding { get; }

    /// <summary>Where it sits in <see cref="NodeSystemPool"/> while idle (its name's list, the list of all); null in use.</summary>
    internal (LinkedListNode<NodeSystemLease> Named, LinkedListNode<NodeSystemLease> Oldest)? InPool { get; set; }

    /// <summary>Where this incarnation's actor failures go; null: ignored (the incarnation ended).</summary>
    internal void ReportFailuresTo(Action<string, string, Exception?>? failed) => _failed = failed;

    /// <summary>The actors under <c>/user</c> (the node's guardian, anything a test put there).</summary>
    internal IEnumerable<IActorRef> UserActors => ((ActorRefWithCell)((ExtendedActorSystem)System).Guardian).Children;

    /// <summary>
    /// Ends the incarnation: its timers are dropped at once, failures are no longer reported, and every user actor is
    /// stopped (as a terminated system's are; the incarnation's ports are already dead). The stops run on the loop.
    /// </summary>
    internal void End()
    {
        _failed = null;
        Binding.EndIncarnation();
        foreach (var actor in UserActors.ToList()) ((IInternalActorRef)actor).Stop();
    }

    /// <summary>Terminates the system for good.</summary>
    internal void Retire()
    {
        _failed = null;
        Binding.Retire();
        if (System.Scheduler is IDisposable scheduler) scheduler.Dispose();
        System.Terminate();
    }
}
