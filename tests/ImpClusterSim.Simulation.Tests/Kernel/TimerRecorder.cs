using Akka.Actor;
using ImpClusterSim.Domain.Time;

namespace ImpClusterSim.Simulation.Tests.Kernel;

/// <summary>An actor that notes the virtual time of every message it gets (the test reads the list on the loop thread).</summary>
internal sealed class TimerRecorder : ReceiveActor, IWithTimers
{
    public ITimerScheduler Timers { get; set; } = null!;

    public TimerRecorder(List<(SimInstant At, object Message)> log, Action<TimerRecorder>? setup = null)
    {
        ReceiveAny(m =>
        {
            if (m is Command c) c.Run(this);
            else log.Add((SimInstant.FromDateTime(Context.System.Scheduler.Now.UtcDateTime), m));
        });
        setup?.Invoke(this);
    }

    public static Props Props(List<(SimInstant, object)> log, Action<TimerRecorder>? setup = null) =>
        Akka.Actor.Props.Create(() => new TimerRecorder(log, setup));

    public sealed record Command(Action<TimerRecorder> Run);
}
