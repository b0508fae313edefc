using ImpClusterSim.Scenarios.Outcome;
using ImpClusterSim.Scenarios.Runner;

namespace ImpClusterSim.Scenarios.Tests.Runner;

/// <summary>
/// not, step-accepted/-refused, event-seen, troubleshooter-fails and always-until can each fail: copies of
/// scenarios/examples/checking-outcomes.yaml with one thing changed fail that check, with what was seen.
/// </summary>
public sealed class OutcomeConditionTests
{
    private static readonly string Example = File.ReadAllText(Path.Combine(ScenarioFiles.ScenariosFolder, "examples", "checking-outcomes.yaml"));

    private static ScenarioOutcome Play(string yaml) => ScenarioRunner.Run(ScenarioFiles.Parse(yaml, "changed.yaml"), new ScenarioRunOptions());

    private static string Change(string old, string replacement)
    {
        Assert.Contains(old, Example);
        return Example.Replace(old, replacement);
    }

    private static CheckOutcome OnlyFailure(ScenarioOutcome outcome)
    {
        Assert.False(outcome.Passed);
        return Assert.Single(outcome.Checks, c => !c.Passed);
    }

    [Fact]
    public void The_example_holds_with_what_each_check_saw()
    {
        var outcome = Play(Example);

        Assert.True(outcome.Passed, string.Join("\n", outcome.Checks.Where(c => !c.Passed).Select(c => $"{c.Name}: {c.Detail}")));
        var byName = outcome.Checks.ToDictionary(c => c.Name);
        Assert.Contains("step 'upload-ca' accepted on imp-a-pub: 'Successfully imported", byName["the CA upload on imp-a is accepted with the platform's wording"].Detail);
        Assert.Contains("step 'leaf-on-imp-b' refused on imp-b-pub", byName["imp-b refuses a leaf from a CA it does not trust"].Detail);
        Assert.Contains("seen 'peer-status' on imp-b-pub at +", byName["imp-b's panel shows imp-a out of sync within 45 minutes of the upload"].Detail);
        Assert.StartsWith("held at 02:00:00: Inter-cluster peer ", byName["the troubleshooter on imp-b names imp-a"].Detail); // the failed line names imp-a-pub by its address
        Assert.Contains("not (", byName["imp-b does not show imp-a secure before the resync"].Detail);
        Assert.StartsWith("held from 02:30:00 until 'done' at 03:30:00", byName["imp-b stays up from the resync to the end"].Detail);
        Assert.Equal(outcome.Start + TimeSpan.FromMinutes(210), byName["imp-b stays up from the resync to the end"].DecidedAt);
    }

    [Fact]
    public void Expecting_a_refused_step_to_be_accepted_fails_with_the_refusal()
    {
        var failed = OnlyFailure(Play(Change("step-refused: { label: leaf-on-imp-b }", "step-accepted: { label: leaf-on-imp-b }")));

        Assert.StartsWith("did not hold at 01:06:00: step 'leaf-on-imp-b' on imp-b-pub: refused", failed.Detail);
    }

    [Fact]
    public void A_reply_text_that_is_not_in_the_reply_fails()
    {
        var failed = OnlyFailure(Play(Change("reply: Successfully imported", "reply: Certificate rejected")));

        Assert.Contains("does not contain 'Certificate rejected'", failed.Detail);
    }

    [Fact]
    public void An_event_that_never_happens_fails_at_the_deadline()
    {
        var failed = OnlyFailure(Play(Change("details: { status: out-of-sync }", "details: { status: Sync agent halted }")));

        Assert.Equal("not by the deadline 01:45:00 (45m after 'upload-ca'): no 'peer-status' event on imp-b-pub with status containing 'Sync agent halted' so far at 01:45:00", failed.Detail);
    }

    [Fact]
    public void The_troubleshooter_before_any_peer_passes_so_troubleshooter_fails_does_not_hold()
    {
        var failed = OnlyFailure(Play(Change("    at: 2h\n    troubleshooter-fails:", "    at: 5m\n    troubleshooter-fails:")));

        Assert.Contains("passed", failed.Detail);
    }

    [Fact]
    public void Not_around_a_condition_that_holds_fails()
    {
        var failed = OnlyFailure(Play(Change("not: { peer-status: { cluster: imp-b, peer: imp-a, equals: Connection is secure } }", "not: { node-up: { node: imp-b-pub } }")));

        Assert.StartsWith("did not hold at 02:00:00: not (", failed.Detail);
    }

    [Fact]
    public void Always_until_sees_a_crash_inside_its_window_and_ignores_one_after_it()
    {
        var inside = OnlyFailure(Play(Change("faults:\n", "faults:\n  - { at: 3h, crash: imp-b-sub1 }\n")));
        var after = Play(Change("faults:\n", "faults:\n  - { at: 3h45m, crash: imp-b-sub1 }\n"));

        Assert.Equal("imp-b stays up from the resync to the end", inside.Name);
        Assert.StartsWith("violated at 03:00:", inside.Detail);
        Assert.True(after.Passed, string.Join("\n", after.Checks.Where(c => !c.Passed).Select(c => c.Detail)));
    }
}
