using Akka.Actor;
using Akka.Dispatch;
using Akka.Event;

namespace ImpClusterSim.Live;

/// <summary>
/// Akka's log of a live process (remoting, cluster membership, a peer's connection dropped when its process is killed),
/// written to standard error in Akka's own line format, so that standard output carries only what the command prints
/// (a table, or the <c>--json</c> document). Named in <c>akka.loggers</c> by <see cref="LiveHocon"/>; Akka's default
/// logger writes to standard output.
/// </summary>
public sealed class StandardErrorLogger : ReceiveActor, IRequiresMessageQueue<ILoggerMessageQueueSemantics>
{
    /// <summary>The value for <c>akka.loggers</c>.</summary>
    public static readonly string ConfigName = $"{typeof(StandardErrorLogger).FullName}, {typeof(StandardErrorLogger).Assembly.GetName().Name}";

    /// <summary>The logger Akka starts: it writes to <see cref="Console.Error"/>.</summary>
    public StandardErrorLogger() : this(Console.Error)
    {
    }

    /// <summary>A logger writing to <paramref name="error"/> (tests give a writer of their own).</summary>
    public StandardErrorLogger(TextWriter error)
    {
        Receive<InitializeLogger>(_ => Sender.Tell(new LoggerInitialized()));
        Receive<LogEvent>(e => error.WriteLine(Line(e)));
    }

    /// <summary>
    /// Akka's line for the event; a remote connection that ended (a peer process stopped or was killed, as the live
    /// showcase does on purpose) is its first line and the cause's message, without Akka's internal stack trace.
    /// </summary>
    public static string Line(LogEvent e)
    {
        var text = e.ToString();
        if (e.Cause?.GetType().Name != "EndpointDisassociatedException") return text;
        var firstLine = text.Split('\n', 2)[0].TrimEnd('\r');
        return $"{firstLine} (the connection to a peer process ended: {e.Cause.Message})";
    }
}
