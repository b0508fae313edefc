using Akka.Actor;
using Akka.Event;
using Akka.TestKit.Xunit2;
using ImpClusterSim.Domain.Time;
using ImpClusterSim.Live.Ports;

namespace ImpClusterSim.Live.Tests;

/// <summary>A live process's Akka log goes to standard error, so that standard output holds only the command's output.</summary>
public sealed class StandardErrorLoggerTests : TestKit
{
    [Fact]
    public void The_logger_answers_its_initialisation_and_writes_each_event_as_a_line_to_its_writer()
    {
        var written = new StringWriter();
        var logger = Sys.ActorOf(Props.Create(() => new StandardErrorLogger(written)));

        logger.Tell(new InitializeLogger(Sys.EventStream), TestActor);
        ExpectMsg<LoggerInitialized>();
        logger.Tell(new Error(null, "endpointWriter", typeof(StandardErrorLoggerTests), "Disassociated"), TestActor);
        AwaitCondition(() => written.ToString().Contains("Disassociated", StringComparison.Ordinal), TimeSpan.FromSeconds(10));

        Assert.Contains("[ERROR]", written.ToString());
        Assert.EndsWith(Environment.NewLine, written.ToString());
    }

    [Fact]
    public void A_remote_connection_that_ended_is_one_line_and_any_other_error_keeps_its_cause()
    {
        // Akka's own (internal) exception for a connection that ended, as its endpoint writer logs it.
        var type = typeof(Akka.Remote.RemoteActorRefProvider).Assembly.GetType("Akka.Remote.EndpointDisassociatedException", throwOnError: true)!;
        var cause = (Exception)Activator.CreateInstance(type, System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic,
            null, ["Disassociated"], null)!;
        var ended = new Error(cause, "endpointWriter", typeof(StandardErrorLoggerTests), "Disassociated");
        var other = new Error(new InvalidOperationException("boom"), "node", typeof(StandardErrorLoggerTests), "failed");

        var line = StandardErrorLogger.Line(ended);
        Assert.DoesNotContain('\n', line);
        Assert.StartsWith("[ERROR]", line);
        Assert.EndsWith("(the connection to a peer process ended: Disassociated)", line);
        Assert.Contains("InvalidOperationException: boom", StandardErrorLogger.Line(other));
    }

    [Fact]
    public void Host_and_node_systems_log_through_it_and_never_to_standard_output()
    {
        var host = LiveHocon.Host(new LiveHostSettings("127.0.0.1", 0, [], []));
        var node = LiveHocon.Node(new LiveTime(SimInstant.DefaultRunStart, DateTimeOffset.UnixEpoch, 1));

        foreach (var config in new[] { host, node })
        {
            Assert.Equal([StandardErrorLogger.ConfigName], config.GetStringList("akka.loggers"));
            Assert.Equal("OFF", config.GetString("akka.stdout-loglevel"));
        }
    }
}
