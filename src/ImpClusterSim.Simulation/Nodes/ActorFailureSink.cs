using Akka.Actor;
using Akka.Event;

namespace ImpClusterSim.Simulation.Nodes;

/// <summary>
/// Subscribed to a node's event stream, hears every failure Akka's supervision reports: an exception thrown by an
/// actor at creation, in a handler or in a timer (logged by the parent's supervisor strategy as an
/// <see cref="Error"/>, or a <see cref="Warning"/> when the strategy resumes), and an escalation past the node's
/// guardian (reported by the user guardian). Each goes to <paramref name="failed"/>, synchronously on the loop thread
/// (actor path, message, exception). Not an actor: it adds nothing to the node's actor tree.
/// </summary>
internal sealed class ActorFailureSink(ActorSystem system, Action<string, string, Exception?> failed) : MinimalActorRef
{
    public override ActorPath Path { get; } = new RootActorPath(((ExtendedActorSystem)system).Provider.DefaultAddress) / "impsim-failure-sink";

    public override IActorRefProvider Provider { get; } = ((ExtendedActorSystem)system).Provider;

    /// <summary>Subscribes a sink to the system's errors and supervision warnings.</summary>
    public static void Attach(ActorSystem system, Action<string, string, Exception?> failed)
    {
        var sink = new ActorFailureSink(system, failed);
        system.EventStream.Subscribe(sink, typeof(Error));
        system.EventStream.Subscribe(sink, typeof(Warning));
    }

    protected override void TellInternal(object message, IActorRef sender)
    {
        switch (message)
        {
            case Error error:
                failed(error.LogSource, MessageOf(error), error.Cause);
                break;
            case Warning warning when typeof(SupervisorStrategy).IsAssignableFrom(warning.LogClass):
                failed(warning.LogSource, MessageOf(warning), null);
                break;
        }
    }

    private static string MessageOf(LogEvent e)
    {
        // Akka wraps a constructor's exception (ActorInitializationException, then TypeLoadException "Error while
        // creating actor instance"): name the exception the actor threw.
        var cause = e.Cause;
        while (cause is ActorInitializationException or TypeLoadException or System.Reflection.TargetInvocationException && cause.InnerException is { } inner)
            cause = inner;
        return cause is null ? e.Message?.ToString() ?? "(no message)" : $"{cause.GetType().Name}: {cause.Message}";
    }
}
