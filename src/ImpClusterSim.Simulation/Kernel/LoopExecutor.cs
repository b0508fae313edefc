using Akka.Configuration;
using Akka.Dispatch;

namespace ImpClusterSim.Simulation.Kernel;

/// <summary>
/// Executor of the default and internal dispatchers of every simulated ActorSystem: it only enqueues work on the run's
/// loop queue. The loop thread drains the queue, so all actors of all systems run one at a time in a fixed order.
/// </summary>
public sealed class LoopExecutorConfigurator(Config config, IDispatcherPrerequisites prerequisites)
    : ExecutorServiceConfigurator(config, prerequisites)
{
    private readonly KernelBinding _binding = KernelBinding.FromConfig(prerequisites.Settings.Config);
    private readonly string _system = prerequisites.Settings.System.Name;

    public override ExecutorService Produce(string id) => new LoopExecutor(id, _binding, _system);
}

/// <summary>
/// Enqueues each mailbox run on the bound kernel's queue and counts it for the system it belongs to
/// (<see cref="SimulationKernel.Activity"/>): a mailbox is scheduled whenever one of its actors gets a message.
/// A run asked for while the system is parked belongs to no run: it is not enqueued and the binding is tainted.
/// </summary>
internal sealed class LoopExecutor(string id, KernelBinding binding, string system) : ExecutorService(id)
{
    private SimulationKernel? _countedIn;
    private SimulationKernel.SystemActivity? _activity;

    public override void Execute(IRunnable run)
    {
        if (binding.Kernel is not { } kernel)
        {
            binding.Taint();
            return;
        }
        if (!ReferenceEquals(_countedIn, kernel))
        {
            _activity = kernel.Activity(system);
            _countedIn = kernel;
        }
        _activity!.Count++;
        kernel.Enqueue(run);
    }

    public override void Shutdown()
    {
    }
}
