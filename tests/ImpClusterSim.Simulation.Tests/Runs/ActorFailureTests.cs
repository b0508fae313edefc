using Akka.Actor;

namespace ImpClusterSim.Simulation.Tests.Runs;

/// <summary>No silent failure inside a run: every exception in any actor is recorded with node, path and virtual time.</summary>
public sealed class ActorFailureTests
{
    private sealed class ThrowsAtCreation : ReceiveActor
    {
        public ThrowsAtCreation() => throw new InvalidOperationException("refresh interval must be positive");
    }

    private sealed class ThrowsOnTimer : ReceiveActor, IWithTimers
    {
        public ThrowsOnTimer() => Receive<string>(_ => throw new ArgumentOutOfRangeException(null, "clock out of range"));

        public ITimerScheduler Timers { get; set; } = null!;

        protected override void PreStart() => Timers.StartSingleTimer("tick", "tick", TimeSpan.FromMinutes(5));

        protected override void PostRestart(Exception reason)
        {
        }
    }

    /// <summary>The node's top actor: a child that throws, and a strategy that escalates past the node's guardian.</summary>
    private sealed class Escalates : ReceiveActor
    {
        public Escalates()
        {
            var child = Context.ActorOf(Props.Create(() => new ThrowsOnTimer()), "cisco-tomcat");
            Receive<string>(m => child.Forward(m));
        }

        protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(_ => Directive.Escalate);
    }

    private static SimulationRun OneNode(Props root)
    {
        var run = new SimulationRun(new RunOptions { ClusterOfNode = new Dictionary<string, string> { ["imp-a-pub"] = "imp-a" } });
        run.AddNode("imp-a-pub", "imp-a", _ => root);
        run.StartAll();
        return run;
    }

    [Fact]
    public void An_exception_at_creation_is_a_failure_with_node_path_time_and_message()
    {
        using var run = OneNode(Props.Create(() => new ThrowsAtCreation()));
        run.RunFor(TimeSpan.FromSeconds(1));
        var failure = Assert.Single(run.ActorFailures);
        Assert.Equal("imp-a-pub", failure.Node);
        Assert.Equal("/user/node", failure.ActorPath);
        Assert.Equal(RunFixture.At(TimeSpan.Zero), failure.Time);
        Assert.Equal("InvalidOperationException: refresh interval must be positive", failure.Message);
        Assert.IsType<ActorInitializationException>(failure.Cause);
    }

    [Fact]
    public void An_exception_in_a_timer_is_a_failure_at_the_timers_virtual_time()
    {
        var trace = new MemoryStream();
        using var run = new SimulationRun(new RunOptions { ClusterOfNode = new Dictionary<string, string> { ["imp-a-pub"] = "imp-a" }, TraceOutput = trace });
        run.AddNode("imp-a-pub", "imp-a", _ => Props.Create(() => new ThrowsOnTimer()));
        run.StartAll();
        run.RunFor(TimeSpan.FromMinutes(4));
        Assert.Empty(run.ActorFailures);
        run.RunFor(TimeSpan.FromMinutes(2));
        var failure = Assert.Single(run.ActorFailures);
        Assert.Equal(RunFixture.At(TimeSpan.FromMinutes(5)), failure.Time);
        Assert.Equal("/user/node", failure.ActorPath);
        Assert.Contains("clock out of range", failure.Message);
        run.Trace.Flush();
        Assert.Contains("\"actor-failed\"", System.Text.Encoding.UTF8.GetString(trace.ToArray()));
    }

    [Fact]
    public void An_escalation_past_the_nodes_top_actor_is_a_failure_too()
    {
        using var run = OneNode(Props.Create(() => new Escalates()));
        run.RunFor(TimeSpan.FromMinutes(6));
        Assert.NotEmpty(run.ActorFailures);
        Assert.All(run.ActorFailures, f => Assert.Equal("imp-a-pub", f.Node));
        Assert.Contains(run.ActorFailures, f => f.ActorPath == "/user/node" && f.Message.Contains("clock out of range"));
    }

    [Fact]
    public void A_run_without_exceptions_has_no_failures()
    {
        using var run = RunFixture.Skeleton(6, 1);
        run.RunFor(TimeSpan.FromHours(2));
        Assert.Empty(run.ActorFailures);
    }
}
