using System.Collections.Concurrent;
using Akka.Configuration;
using Akka.Dispatch;
using ImpClusterSim.Domain.Time;

namespace ImpClusterSim.Simulation.Kernel;

/// <summary>
/// The deterministic heart of a run: one virtual clock and one work queue shared by every ActorSystem of the run,
/// drained by a single loop thread. <see cref="RunUntil"/> runs all ready work until nothing is left (quiescence),
/// then jumps the clock to the next due timer, and so on up to a horizon.
/// </summary>
public sealed class SimulationKernel : IDisposable
{
    // Work enqueued on the loop thread (every deterministic item) needs no lock: only the loop thread touches _work.
    // Work from any other thread (a bug: it is counted) goes through a concurrent queue that the loop also drains.
    private readonly Queue<IRunnable> _work = new();
    private readonly ConcurrentQueue<IRunnable> _foreign = new();
    private long _foreignEnqueues;
    private readonly ConcurrentDictionary<string, SystemActivity> _activity = new(StringComparer.Ordinal);
    private int _loopThreadId;
    private KernelBinding? _binding;

    public SimulationKernel(SimInstant start)
    {
        Start = start;
        Clock = new VirtualClock(start);
        _loopThreadId = Environment.CurrentManagedThreadId;
    }

    public SimInstant Start { get; }

    public VirtualClock Clock { get; }

    /// <summary>
    /// The binding of the systems created with <see cref="SystemConfig"/> (for the run's whole life); a node's system
    /// has one of its own (<see cref="Nodes.NodeSystemPool"/>).
    /// </summary>
    /// <remarks>Made on first use: a run whose systems all come from the pool never parses its configuration.</remarks>
    public KernelBinding Binding => _binding ??= KernelBinding.Create(this);

    /// <summary>The Akka configuration of a simulated ActorSystem that lives and dies with this run (tests, benchmarks).</summary>
    public Config SystemConfig => Binding.Config;

    /// <summary>Work items executed so far (mailbox runs): a measure of how busy the run was.</summary>
    public long Executed { get; private set; }

    /// <summary>
    /// Work that arrived from a thread other than the loop thread. In a deterministic run it stays 0; anything else
    /// means some code used the thread pool (a Task continuation, Ask) and replay may differ.
    /// </summary>
    public long ForeignEnqueues => Interlocked.Read(ref _foreignEnqueues);

    internal void Enqueue(IRunnable run)
    {
        if (Environment.CurrentManagedThreadId == _loopThreadId)
        {
            _work.Enqueue(run);
            return;
        }

        Interlocked.Increment(ref _foreignEnqueues);
        _foreign.Enqueue(run);
    }

    /// <summary>
    /// How many mailbox runs the ActorSystem named <paramref name="systemName"/> (a node, whatever its incarnation) has
    /// had scheduled so far (<see cref="SystemActivity.Scheduled"/>); keep the handle and read it as often as needed.
    /// A node's actors change state only by handling messages, and every message to an idle mailbox schedules a run,
    /// so two equal readings taken at quiescence mean that no actor of the node handled anything in between: what it
    /// would answer is what it answered (the run's checks rely on it).
    /// </summary>
    public SystemActivity Activity(string systemName) => _activity.GetOrAdd(systemName, _ => new SystemActivity());

    /// <summary>The mailbox runs scheduled for one ActorSystem name (counted on the loop thread).</summary>
    public sealed class SystemActivity
    {
        internal long Count;

        /// <summary>Mailbox runs scheduled so far.</summary>
        public long Scheduled => Count;
    }

    /// <summary>Whether the caller is the loop thread (the only thread that may touch the run's queues).</summary>
    internal bool OnLoopThread => Environment.CurrentManagedThreadId == _loopThreadId;

    /// <summary>Binds the kernel to the calling thread: from now on only this thread runs the loop.</summary>
    public void BindToCurrentThread() => _loopThreadId = Environment.CurrentManagedThreadId;

    /// <summary>Runs every ready work item, including the ones they enqueue, until none is left.</summary>
    public void RunUntilQuiescent()
    {
        while (_work.TryDequeue(out var next) || _foreign.TryDequeue(out next))
        {
            Executed++;
            next.Run();
        }
    }

    /// <summary>Runs the simulation up to <paramref name="horizon"/>: every timer due by then fires, in order.</summary>
    public void RunUntil(SimInstant horizon)
    {
        RunUntilQuiescent();
        while (Clock.FireNext(horizon))
            RunUntilQuiescent();
        Clock.AdvanceTo(horizon);
    }

    public void RunFor(TimeSpan duration) => RunUntil(Clock.Now + duration);

    public void Dispose() => _binding?.Retire();
}
