using ImpClusterSim.Scenarios.Runner;

namespace ImpClusterSim.Scenarios.Tests.Runner;

/// <summary>
/// sip-trunk-secure and setting-active can fail: broken copies of the guide scenarios that play them (a restart left
/// out) fail with what Cisco CallManager or the node's settings said, and a stopped Cisco CallManager holds neither way.
/// </summary>
public sealed class TrunkAndSettingConditionTests
{
    private static string Text(string file) => File.ReadAllText(Path.Combine(ScenarioFiles.ScenariosFolder, file));

    private static string Replace(string text, string old, string replacement)
    {
        Assert.Contains(old, text);
        return text.Replace(old, replacement);
    }

    [Fact]
    public void Without_the_CallManager_restart_the_trunk_is_never_secure()
    {
        var yaml = Replace(Text("cucm-imp-certificate-exchange.yaml"),
            "  - label: callmanager-restarted\n    node: cucm-pub\n    restart-service: Cisco CallManager",
            "  - label: callmanager-restarted\n    node: cucm-pub\n    cli: show status");
        yaml = Replace(yaml, "  - within: 10m\n    after: callmanager-restarted\n    service-state:", "  - within: 10m\n    service-state:");
        var outcome = ScenarioRunner.Run(ScenarioFiles.Parse(yaml, "broken-cucm.yaml"), new ScenarioRunOptions());

        Assert.False(outcome.Passed);
        var failed = Assert.Single(outcome.Checks, c => !c.Passed && c.Kind == Outcome.CheckKind.Expectation);
        Assert.Equal("the trunk is secure once Cisco CallManager restarted with cup.pem in Callmanager-trust", failed.Name);
        Assert.Equal(outcome.Start + TimeSpan.FromMinutes(39), failed.DecidedAt);
        Assert.Equal("not by the deadline 00:39:00 (10m after 'callmanager-restarted'): SIP trunk IMP-Trunk to imp-a-pub.example.com is not secure: " +
                     "'CN=imp-a-pub.example.com' is self-signed and not in the trust store at 00:39:00", failed.Detail);
    }

    [Fact]
    public void The_exchange_scenario_reports_why_the_trunk_is_not_secure_at_each_stage()
    {
        var outcome = ScenarioRunner.Run(ScenarioFiles.Load("cucm-imp-certificate-exchange.yaml"), new ScenarioRunOptions());
        Assert.True(outcome.Passed);
        var before = outcome.Checks.Single(c => c.Name.StartsWith("before the exchange", StringComparison.Ordinal));
        Assert.StartsWith("held at 00:24:00: SIP trunk IMP-Trunk to imp-a-pub.example.com is not secure: the SIP Proxy refused CallManager: ", before.Detail);
        var secure = outcome.Checks.Single(c => c.Name.StartsWith("the trunk is secure", StringComparison.Ordinal));
        Assert.EndsWith("SIP trunk IMP-Trunk to imp-a-pub.example.com is secure", secure.Detail);
        var assumption = outcome.Checks.Single(c => c.Kind == Outcome.CheckKind.Assumption);
        Assert.False(assumption.Passed);
        Assert.Contains("'CN=imp-a-pub.example.com' is self-signed and not in the trust store", assumption.Detail);
    }

    [Fact]
    public void A_stopped_CallManager_or_an_unknown_trunk_holds_neither_way()
    {
        const string yaml = """
            name: callmanager-stopped
            seed: 3
            until: 1h
            deployment:
              topology: lab
            steps:
              - at: 5m
                node: cucm-pub
                sip-security-profile: { name: IMP-TLS-Profile, subject-cn: imp-a-pub.example.com }
              - node: cucm-pub
                sip-trunk: { name: IMP-Trunk, subject-cn: imp-a-pub.example.com, security-profile: IMP-TLS-Profile }
              - node: cucm-pub
                stop-service: Cisco CallManager
            expect:
              - name: not secure while stopped
                at: 20m
                sip-trunk-secure: { node: cucm-pub, trunk: IMP-Trunk, secure: false }
              - name: an unknown trunk
                at: 3m
                sip-trunk-secure: { node: cucm-pub, trunk: Other-Trunk, secure: false }
            """;
        var outcome = ScenarioRunner.Run(ScenarioFiles.Parse(yaml), new ScenarioRunOptions());

        Assert.False(outcome.Passed);
        var stopped = outcome.Checks.Single(c => c.Name == "not secure while stopped");
        Assert.False(stopped.Passed);
        Assert.Equal("did not hold at 00:20:00: Cisco CallManager on cucm-pub did not answer (it is not running)", stopped.Detail);
        var unknown = outcome.Checks.Single(c => c.Name == "an unknown trunk");
        Assert.False(unknown.Passed);
        Assert.Equal("did not hold at 00:03:00: Cisco CallManager on cucm-pub reports no TLS connection of SIP trunk Other-Trunk", unknown.Detail);
    }

    [Fact]
    public void Without_the_SIP_Proxy_restart_the_saved_transport_stays_pending()
    {
        var yaml = Replace(Text("sip-intra-cluster-transport.yaml"),
            "    cluster: imp-a\n    restart-service: Cisco SIP Proxy", "    cluster: imp-a\n    cli: show status");
        yaml = Replace(yaml, "  - within: 5m\n    after: restart\n    service-state:", "  - at: 13m\n    service-state:");
        var outcome = ScenarioRunner.Run(ScenarioFiles.Parse(yaml, "broken-sip.yaml"), new ScenarioRunOptions());

        Assert.False(outcome.Passed);
        var failed = outcome.Checks.Where(c => !c.Passed).Select(c => c.Name).ToList();
        Assert.Equal(["TCP active on every node of imp-a once its SIP Proxy restarted", "sip-intra-cluster-transport TCP active on node imp-a-sub2 (at 30m)"], failed);
        var tcp = outcome.Checks.Single(c => c.Name.StartsWith("TCP active", StringComparison.Ordinal));
        Assert.Equal("not by the deadline 00:17:00 (5m after 'restart'): sip-intra-cluster-transport on imp-a-pub: active TLS, pending TCP (until Cisco SIP Proxy restarts) at 00:17:00", tcp.Detail);
    }
}
