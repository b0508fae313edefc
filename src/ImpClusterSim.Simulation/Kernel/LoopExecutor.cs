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
    private readonly SimulationKernel _kernel = SimulationKernel.FromConfig(prerequisites.Settings.Config);
    private readonly string _system = prerequisites.Settings.System.Name;

    public override ExecutorService Produce(string id) => new LoopExecutor(id, _kernel, _kernel.Activity(_system));
}

/// <summary>
/// Enqueues each mailbox run on the kernel's queue and counts it for the system it belongs to
/// (<see cref="SimulationKernel.Activity"/>): a mailbox is scheduled whenever one of its actors gets a message.
/// </summary>
internal sealed class LoopExecutor(string id, SimulationKernel kernel, SimulationKernel.SystemActivity activity) : ExecutorService(id)
{
    public override void Execute(IRunnable run)
    {
        activity.Count++;
        kernel.Enqueue(run);
    }

    public override void Shutdown()
    {
    }
}
