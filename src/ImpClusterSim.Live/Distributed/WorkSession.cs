using Akka.Actor;
using ImpClusterSim.Live.Coordinator;
using ImpClusterSim.Node.Wire;

namespace ImpClusterSim.Live.Distributed;

/// <summary>Local workers to start with the coordinator: how to start impsim, how many, and <c>--jobs</c> of each.</summary>
public sealed record LocalWorkerOptions(NodeLaunch Launch, int Count, int Jobs);

/// <summary>
/// A coordinator at work (docs/distributed.md): its host system bound to <c>--bind</c> (role coordinator, the
/// cluster's first member), the <see cref="WorkCoordinatorActor"/>, and the local workers if any. <see cref="Play"/>
/// plays one job on the workers and returns as soon as it has ended (a chaos run plays two: its seeds, then the
/// shrinking of its failures, on the same workers). <see cref="Dispose"/> tells the workers the session is over,
/// kills any local worker still running after a few seconds, and shuts the host system down.
/// </summary>
public sealed class WorkSession : IDisposable
{
    private readonly ActorSystem _system;
    private readonly IActorRef _coordinator;
    private readonly LocalWorkers? _local;

    private WorkSession(SessionSettings settings, HostPort bind, IEnumerable<IWireCodec> resultCodecs, LocalWorkerOptions? local)
    {
        _system = WorkHosting.Create(bind, WorkHosting.CoordinatorRole, null, resultCodecs);
        Address = bind with { Port = WorkHosting.PortOf(_system) };
        _coordinator = _system.ActorOf(Props.Create(() => new WorkCoordinatorActor(settings)), WorkHosting.CoordinatorName);
        try
        {
            if (local is not null) _local = new LocalWorkers(local.Launch, local.Count, Address, local.Jobs);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>Where workers join: <c>--bind</c>'s host and the port listened on.</summary>
    public HostPort Address { get; }

    public LocalWorkers? Local => _local;

    /// <summary>Binds, starts the coordinator and the local workers.</summary>
    /// <exception cref="HostPortException">The address cannot be listened on.</exception>
    public static WorkSession Start(SessionSettings settings, HostPort bind, IEnumerable<IWireCodec> resultCodecs, LocalWorkerOptions? local = null) =>
        new(settings, bind, resultCodecs, local);

    /// <summary>Plays one job and blocks until it has ended (<see cref="OperationCanceledException"/> if <paramref name="cancel"/> fires first).</summary>
    public WorkOutcome Play(JobSettings job, CancellationToken cancel = default)
    {
        var done = new TaskCompletionSource<WorkOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        _coordinator.Tell(new WorkCoordinatorActor.StartJob(job, done));
        done.Task.Wait(cancel);
        var outcome = done.Task.Result;
        if (outcome.End == WorkEnd.NoWorkers && _local?.FailedOutput() is { Length: > 0 } failed)
            return outcome with { Message = outcome.Message + Environment.NewLine + failed };
        return outcome;
    }

    public void Dispose()
    {
        try
        {
            _coordinator.Ask<WorkCoordinatorActor.Done>(new WorkCoordinatorActor.EndSession("the command is over"), TimeSpan.FromSeconds(5)).Wait();
        }
        catch (AggregateException)
        {
            // The coordinator is gone already: nobody to tell.
        }

        _local?.Dispose();
        try
        {
            CoordinatedShutdownOf(_system);
        }
        finally
        {
            _system.Dispose();
        }
    }

    internal static void CoordinatedShutdownOf(ActorSystem system)
    {
        var shutdown = CoordinatedShutdown.Get(system).Run(CoordinatedShutdown.ClrExitReason.Instance);
        shutdown.Wait(TimeSpan.FromSeconds(10));
        system.WhenTerminated.Wait(TimeSpan.FromSeconds(5));
    }
}

/// <summary>
/// <c>impsim worker</c>'s process (docs/distributed.md): a host system (role worker, bound to <c>--bind</c>, port 0
/// by default) joining the coordinator's cluster, and the <see cref="WorkerActor"/>, until the coordinator finishes,
/// refuses it, or is gone; or, for a local worker, until the process that started it has exited.
/// </summary>
public static class WorkerHost
{
    /// <exception cref="HostPortException"><paramref name="bind"/> cannot be listened on.</exception>
    public static WorkerEnd Run(WorkerSettings settings, HostPort bind, IEnumerable<IWireCodec> resultCodecs, int? parentPid = null)
    {
        using var system = WorkHosting.Create(bind, WorkHosting.WorkerRole, settings.Coordinator, resultCodecs);
        var end = new TaskCompletionSource<WorkerEnd>(TaskCreationOptions.RunContinuationsAsynchronously);
        system.ActorOf(Props.Create(() => new WorkerActor(settings, end)), "worker");
        try
        {
            while (!end.Task.Wait(TimeSpan.FromSeconds(1)))
            {
                if (system.WhenTerminated.IsCompleted)
                    return new WorkerEnd(false, true, "the worker's cluster member was removed (downed): the coordinator re-leases its seeds", 0);
                if (parentPid is { } pid && !Alive(pid))
                    return new WorkerEnd(false, true, $"the coordinator's process {pid} is gone", 0);
            }

            return end.Task.Result;
        }
        finally
        {
            WorkSession.CoordinatedShutdownOf(system);
        }
    }

    private static bool Alive(int pid)
    {
        try
        {
            using var p = System.Diagnostics.Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
