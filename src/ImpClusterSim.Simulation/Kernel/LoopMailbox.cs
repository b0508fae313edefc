using Akka.Actor;
using Akka.Configuration;
using Akka.Dispatch;
using Akka.Dispatch.MessageQueues;

namespace ImpClusterSim.Simulation.Kernel;

/// <summary>
/// The mailbox of every actor of a simulated system (<c>akka.actor.default-mailbox</c>): a plain FIFO queue, because
/// the run's one loop thread is the only one that enqueues and dequeues (Akka's default mailbox is a lock-free
/// concurrent queue, which costs about a tenth of a message's trip through the kernel, figure b of docs/kernel.md).
/// A message sent from another thread (a bug the kernel counts in <see cref="SimulationKernel.ForeignEnqueues"/>)
/// goes to a concurrent side queue, drained after the loop's own, so that such a bug is counted, not a corrupted queue.
/// FIFO order per mailbox is Akka's; runs replay the same as with the default mailbox.
/// </summary>
public sealed class LoopMailboxType(Settings settings, Config config) : MailboxType(settings, config), IProducesMessageQueue<LoopMessageQueue>
{
    private readonly KernelBinding _binding = KernelBinding.FromConfig(settings.Config);

    public override IMessageQueue Create(IActorRef owner, ActorSystem system) => new LoopMessageQueue(_binding);
}

/// <summary>A mailbox queue touched by the loop thread only (see <see cref="LoopMailboxType"/>).</summary>
public sealed class LoopMessageQueue : IMessageQueue, IUnboundedMessageQueueSemantics
{
    private readonly KernelBinding _binding;
    private readonly Queue<Envelope> _queue = new();
    private System.Collections.Concurrent.ConcurrentQueue<Envelope>? _foreign;
    private int _foreignCount;

    internal LoopMessageQueue(KernelBinding binding) => _binding = binding;

    public bool HasMessages => _queue.Count > 0 || Volatile.Read(ref _foreignCount) > 0;

    public int Count => _queue.Count + Volatile.Read(ref _foreignCount);

    public void Enqueue(IActorRef receiver, Envelope envelope)
    {
        if (_binding.Kernel is { OnLoopThread: true })
        {
            _queue.Enqueue(envelope);
            return;
        }

        Interlocked.CompareExchange(ref _foreign, new System.Collections.Concurrent.ConcurrentQueue<Envelope>(), null);
        _foreign!.Enqueue(envelope);
        Interlocked.Increment(ref _foreignCount);
    }

    public bool TryDequeue(out Envelope envelope)
    {
        if (_queue.TryDequeue(out envelope)) return true;
        if (Volatile.Read(ref _foreignCount) > 0 && _foreign!.TryDequeue(out envelope))
        {
            Interlocked.Decrement(ref _foreignCount);
            return true;
        }

        return false;
    }

    public void CleanUp(IActorRef owner, IMessageQueue deadletters)
    {
        while (TryDequeue(out var envelope)) deadletters.Enqueue(owner, envelope);
    }
}
