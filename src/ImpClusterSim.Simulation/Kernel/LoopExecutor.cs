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

    public override ExecutorService Produce(string id) => new LoopExecutor(id, _kernel);
}

internal sealed class LoopExecutor(string id, SimulationKernel kernel) : ExecutorService(id)
{
    public override void Execute(IRunnable run) => kernel.Enqueue(run);

    public override void Shutdown()
    {
    }
}
