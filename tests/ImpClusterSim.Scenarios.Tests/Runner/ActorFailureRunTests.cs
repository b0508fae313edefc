using Akka.Actor;
using ImpClusterSim.Scenarios.Runner;
using ImpClusterSim.Scenarios.Tests.Language;

namespace ImpClusterSim.Scenarios.Tests.Runner;

/// <summary>
/// No silent failure inside a run: a throwing actor injected into a node fails a scenario whose own expectations all
/// hold, with a check line naming the node, the actor path, the virtual time and the message (no stack trace).
/// </summary>
public sealed class ActorFailureRunTests
{
    private sealed class ThrowsAfterTenMinutes : ReceiveActor, IWithTimers
    {
        public ThrowsAfterTenMinutes() => Receive<string>(_ => throw new InvalidOperationException("injected failure"));

        public ITimerScheduler Timers { get; set; } = null!;

        protected override void PreStart() => Timers.StartSingleTimer("t", "go", TimeSpan.FromMinutes(10));

        protected override void PostRestart(Exception reason)
        {
        }
    }

    private const string Yaml = "name: t\nuntil: 1h\ndeployment:\n  topology: lab\nexpect:\n  - at: 30m\n    node-up: imp-a-pub\n";

    [Fact]
    public void An_injected_throwing_actor_fails_the_run_with_a_check_line()
    {
        var scenario = ScenarioText.Valid(Yaml);
        var clean = ScenarioRunner.Run(scenario, 1);
        Assert.True(clean.Passed);

        var outcome = ScenarioRunner.Run(scenario, new ScenarioRunOptions
        {
            Seed = 1,
            AtStart = run => run["imp-a-pub"].System!.ActorOf(Props.Create(() => new ThrowsAfterTenMinutes()), "injected"),
        });

        Assert.False(outcome.Passed);
        var check = Assert.Single(outcome.Checks, c => c.Name == BuiltInInvariants.ActorFailureName);
        Assert.False(check.Passed);
        Assert.Equal(outcome.Start + TimeSpan.FromMinutes(10), check.DecidedAt);
        Assert.Equal($"on imp-a-pub at {outcome.Start + TimeSpan.FromMinutes(10)}, actor /user/injected: InvalidOperationException: injected failure", check.Detail);
        Assert.DoesNotContain(" at ImpClusterSim", check.Detail); // no stack trace
        Assert.Contains(outcome.Checks, c => c.Name != BuiltInInvariants.ActorFailureName && c.Passed); // the scenario's own check held
    }
}
