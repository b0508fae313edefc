using ImpClusterSim.Domain.Time;
using ImpClusterSim.Simulation;

namespace ImpClusterSim.Scenarios.Runner;

/// <summary>
/// Runs actions at the end of the current virtual instant: after every clock item due at this instant has fired and
/// its work has run (a deadline is decided after the panel refresh that falls on the same instant). One pump per run:
/// while anything else is due at the instant it steps behind it; then it runs the queued actions in the order they
/// were queued. An action may queue more; they run in the same pass.
/// </summary>
internal sealed class InstantEnd(SimulationRun run)
{
    /// <summary>How many times the pump steps behind other items of one instant before it runs anyway (a guard).</summary>
    private const int MaxDeferrals = 100_000;

    private readonly Queue<Action> _actions = new();
    private SimInstant? _pumpAt;
    private int _deferrals;

    /// <summary>Queues <paramref name="action"/> for the end of the current instant.</summary>
    public void Then(Action action)
    {
        _actions.Enqueue(action);
        if (_pumpAt == run.Now) return;
        _pumpAt = run.Now;
        _deferrals = 0;
        run.At(run.Now, Pump);
    }

    private void Pump()
    {
        if (run.Kernel.Clock.NextDue == run.Now && _deferrals++ < MaxDeferrals)
        {
            run.At(run.Now, Pump);
            return;
        }

        while (_actions.TryDequeue(out var action)) action();
        _pumpAt = null;
    }
}
