namespace ImpClusterSim.Simulation.Kernel;

/// <summary>The Akka configuration of a simulated ActorSystem (see docs/kernel.md for why each line is there).</summary>
internal static class SimHocon
{
    private const string Executor = "\"ImpClusterSim.Simulation.Kernel.LoopExecutorConfigurator, ImpClusterSim.Simulation\"";

    public static string Render(string bindingId) => $$"""
        impsim.binding = "{{bindingId}}"
        akka {
          scheduler.implementation = "ImpClusterSim.Simulation.Kernel.VirtualScheduler, ImpClusterSim.Simulation"
          # The loop does not run while ActorSystem.Create waits for its logger: use the synchronous one.
          loggers = ["Akka.Event.StandardOutLogger, Akka"]
          # Failures reach the run through ActorFailureSink (a check line, no stack trace): nothing is printed here.
          loglevel = OFF
          stdout-loglevel = OFF
          log-dead-letters = off
          log-dead-letters-during-shutdown = off
          actor {
            # One thread enqueues and dequeues: a plain FIFO queue instead of Akka's concurrent one (LoopMailbox.cs).
            default-mailbox.mailbox-type = "ImpClusterSim.Simulation.Kernel.LoopMailboxType, ImpClusterSim.Simulation"
            default-dispatcher { executor = {{Executor}}, throughput = 30 }
            internal-dispatcher { executor = {{Executor}}, throughput = 30 }
            default-blocking-io-dispatcher { type = Dispatcher, executor = {{Executor}} }
          }
          # Coordinated shutdown runs on the thread pool: a simulated node stops through its own guardian instead.
          coordinated-shutdown {
            run-by-actor-system-terminate = off
            run-by-clr-shutdown-hook = off
            terminate-actor-system = off
          }
        }
        """;
}
