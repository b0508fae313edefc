using ImpClusterSim.Domain.Settings;
using ImpClusterSim.Scenarios.Language;
using static ImpClusterSim.Scenarios.Tests.Language.ScenarioText;

namespace ImpClusterSim.Scenarios.Tests.Language;

public sealed class ParsingTests
{
    [Fact]
    public void Step_times_follow_at_after_and_waits()
    {
        var s = Valid(Head +
            "steps:\n" +
            "  - { node: imp-a-pub, cli: a }\n" +            // 0
            "  - { at: 1h, node: imp-a-pub, cli: b }\n" +    // 1h
            "  - wait: 10m\n" +                              // 1h, and pushes the next to 1h10m
            "  - { node: imp-a-pub, cli: c }\n" +            // 1h10m
            "  - { after: 5m, node: imp-a-pub, cli: d }\n"); // 1h15m
        Assert.Equal(new[] { 0, 60, 60, 70, 75 }, s.Steps.Select(x => (int)x.At.TotalMinutes));
        Assert.Equal(new[] { StepTiming.Next, StepTiming.At, StepTiming.Next, StepTiming.Next, StepTiming.After }, s.Steps.Select(x => x.Timing));
        Assert.Null(s.Steps[2].Target);
        Assert.Equal(new SourceSpan("s.yaml", 10, 5), s.Steps[0].Span);
        Assert.Equal(new SourceSpan("s.yaml", 10, 24), s.Steps[0].Operation.Span);
    }

    [Fact]
    public void Targets_resolve_to_node_names()
    {
        var s = Valid(Head +
            "steps:\n" +
            "  - { nodes: [imp-b-sub1, imp-a-pub], cli: a }\n" +
            "  - { cluster: cucm, cli: b }\n" +
            "  - { publisher-of: imp-b, cli: c }\n");
        Assert.Equal<string>(["imp-b-sub1", "imp-a-pub"], s.Steps[0].Target!.Nodes);
        Assert.Equal<string>(["cucm-pub"], s.Steps[1].Target!.Nodes);
        Assert.Equal(TargetKind.PublisherOf, s.Steps[2].Target!.Kind);
        Assert.Equal<string>(["imp-b-pub"], s.Steps[2].Target!.Nodes);
    }

    [Fact]
    public void Scalar_shorthands_fill_the_main_argument()
    {
        var s = Valid(Head +
            "steps:\n" +
            "  - { node: imp-a-pub, restart-service: Cisco XCP Router }\n" +
            "  - { publisher-of: imp-a, add-peer: imp-b-pub }\n" +
            "  - { node: imp-a-pub, upload-trust: { store: cup-xmpp-trust, ca: issuing } }\n" +
            "  - { cluster: imp-a, setting: { name: node-to-node-domain, value: example.com } }\n" +
            "  - { node: imp-a-pub, fips-enable: }\n" +
            "faults:\n" +
            "  - { at: 1h, crash: imp-a-sub1 }\n" +
            "  - { at: 2h, heal: all }\n" +
            "expect:\n" +
            "  - { at: 3h, node-up: imp-a-sub1 }\n");
        Assert.Equal(new ServiceControl(ServiceAction.Restart, "Cisco XCP Router", s.Steps[0].Operation.Span), s.Steps[0].Operation);
        Assert.Equal("imp-b", ((AddPeer)s.Steps[1].Operation).PeerCluster);
        Assert.Equal(PeerProtocol.Tcp, ((AddPeer)s.Steps[1].Operation).Protocol);
        Assert.Equal(SecuritySetting.NodeToNodeDomain, ((ChangeSetting)s.Steps[3].Operation).Setting);
        Assert.IsType<FipsEnable>(s.Steps[4].Operation);
        Assert.Equal("imp-a-sub1", ((Crash)s.Faults[0].Action).Node);
        Assert.Null(((Heal)s.Faults[1].Action).Id);
        Assert.Equal<string>(["imp-a-sub1"], ((NodeUp)s.Expectations[0].Condition).Target.Nodes);
    }

    [Fact]
    public void Windows_and_one_way_partitions_are_kept()
    {
        var s = Valid(Head +
            "faults:\n" +
            "  - { id: p, at: 1h, until: 3h, partition: { a: imp-a-pub, b: [imp-b], one-way: true } }\n" +
            "  - { at: 2h, link: { a: imp-a, b: imp-b, latency: 50ms..200ms, loss: 2% } }\n" +
            "  - { at: 2h30m, heal: p }\n");
        Assert.Equal(TimeSpan.FromHours(3), s.Faults[0].Until);
        var p = (Partition)s.Faults[0].Action;
        Assert.True(p.OneWay);
        Assert.Equal<string>(["imp-b-pub", "imp-b-sub1"], p.B.Nodes);
        var link = (LinkChange)s.Faults[1].Action;
        Assert.Equal(0.02, link.Loss!.Value, 9);
        Assert.Equal(TimeSpan.FromMilliseconds(200), link.Latency!.Max);
        Assert.Equal("p", ((Heal)s.Faults[2].Action).Id);
    }

    [Fact]
    public void Always_expectations_run_to_the_horizon()
    {
        var s = Valid(Head + "expect:\n  - always: true\n    no-fips-mismatch-exchange:\n");
        Assert.Equal(new CheckWindow(CheckMode.Always, TimeSpan.Zero, TimeSpan.FromHours(24)), s.Expectations[0].When);
    }

    [Fact]
    public void Empty_sections_are_empty_lists()
    {
        var s = Valid(Head + "steps:\nfaults:\nexpect:\n");
        Assert.Empty(s.Steps);
        Assert.Empty(s.Faults);
        Assert.Equal(2, s.Cas.Length);
    }
}
