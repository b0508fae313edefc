using static ImpClusterSim.Scenarios.Tests.Language.ScenarioText;

namespace ImpClusterSim.Scenarios.Tests.Language;

/// <summary>Each error kind at its exact line:column (the scenario head is lines 1-8; a snippet starts at line 9).</summary>
public sealed class ValidationErrorTests
{
    private static string Single(string snippet)
    {
        var errors = Errors(Head + snippet);
        return Assert.Single(errors);
    }

    [Theory]
    [InlineData("steps:\n  - node: imp-a-pub\n    frobnicate: x\n", "s.yaml:11:5: unknown operation 'frobnicate'")]
    [InlineData("faults:\n  - at: 1h\n    meteor: imp-a-pub\n", "s.yaml:11:5: unknown fault 'meteor'")]
    [InlineData("expect:\n  - at: 1h\n    sunny: {}\n", "s.yaml:11:5: unknown condition 'sunny'")]
    [InlineData("steps:\n  - node: imp-a-pub\n    upload-trust: { store: tomcat-trust, ca: root, colour: red }\n", "s.yaml:11:52: unknown key 'colour' in 'upload-trust'")]
    [InlineData("colour: red\n", "s.yaml:9:1: unknown key 'colour' in the scenario")]
    [InlineData("steps:\n  - node: imp-a-pub\n    upload-trust: { ca: root }\n", "s.yaml:11:19: 'upload-trust' is missing the argument 'store'")]
    [InlineData("steps:\n  - publisher-of: imp-a\n    force-manual-sync: { peer: imp-b, resync-tomcat: maybe }\n", "s.yaml:11:54: 'resync-tomcat' must be true or false, found 'maybe'")]
    [InlineData("steps: 5\n", "s.yaml:9:8: 'steps' must be a list, found '5'")]
    [InlineData("steps:\n  - at: 10 minutes\n    node: imp-a-pub\n    cli: show status\n", "s.yaml:10:9: 'at': '10 minutes' is not a duration")]
    [InlineData("steps:\n  - node: imp-z\n    cli: show status\n", "s.yaml:10:11: unknown node 'imp-z'")]
    [InlineData("steps:\n  - cluster: imp-z\n    cli: show status\n", "s.yaml:10:14: unknown cluster 'imp-z'")]
    [InlineData("steps:\n  - node: imp-a-pub\n    restart-service: Cisco Tomcatt\n", "s.yaml:11:22: unknown service 'Cisco Tomcatt'")]
    [InlineData("steps:\n  - node: imp-a-pub\n    upload-trust: { store: tomcat-trust, ca: nope }\n", "s.yaml:11:46: unknown CA 'nope'; declared: root, issuing")]
    [InlineData("expect:\n  - within: 1h\n    after: nope\n    node-up: { node: imp-a-pub }\n", "s.yaml:11:12: unknown label 'nope'")]
    [InlineData("steps:\n  - at: 1h\n    after: 5m\n    node: imp-a-pub\n    cli: show status\n", "s.yaml:11:5: give 'at' or 'after', not both")]
    [InlineData("steps:\n  - at: 2h\n    node: imp-a-pub\n    cli: a\n  - at: 1h\n    node: imp-a-pub\n    cli: b\n", "s.yaml:13:9: step time goes backwards: at 1h comes before the previous step (2h)")]
    [InlineData("faults:\n  - at: 1h\n    partition: { a: imp-a, b: [imp-b, nowhere] }\n", "s.yaml:11:39: 'b': unknown node or cluster 'nowhere'")]
    [InlineData("faults:\n  - at: 1h\n    heal: cut\n", "s.yaml:11:11: 'heal': no partition or link fault with id 'cut'")]
    [InlineData("steps:\n  - node: imp-a-pub\n", "s.yaml:10:5: the step has no operation")]
    [InlineData("steps:\n  - node: imp-a-pub\n    cli: a\n    wait: 5m\n", "s.yaml:12:5: a step has exactly one operation; 'wait' comes after 'cli'")]
    [InlineData("steps:\n  - cli: a\n", "s.yaml:10:5: 'cli' needs a target: one of node, nodes, cluster or publisher-of")]
    [InlineData("steps:\n  - node: imp-a-pub\n    wait: 5m\n", "s.yaml:10:5: 'wait' takes no target; remove 'node'")]
    [InlineData("steps:\n  - node: imp-a-sub1\n    add-peer: imp-b\n", "s.yaml:10:5: 'add-peer' is done on an IM&P publisher; 'imp-a-sub1' is not one")]
    [InlineData("steps:\n  - node: cucm-pub\n    restart-service: Cisco XCP Router\n", "s.yaml:11:22: 'Cisco XCP Router' does not run on CUCM node 'cucm-pub'")]
    [InlineData("steps:\n  - at: 25h\n    node: imp-a-pub\n    cli: a\n", "s.yaml:10:9: the step at 1d1h is after the horizon 1d ('until')")]
    [InlineData("steps:\n  - node: imp-a-pub\n    setting: { name: xmpp-router-secure-mode, value: maybe }\n", "s.yaml:11:54: 'maybe' is not a value of 'xmpp-router-secure-mode'; expected one of: on, off")]
    [InlineData("steps:\n  - node: imp-a-pub\n    restart-service: Cisco Tomcatt\n", "s.yaml:11:22: unknown service 'Cisco Tomcatt'; did you mean 'Cisco Tomcat'?")]
    [InlineData("steps:\n  - node: imp-a-pub\n    upload-trst: { store: tomcat-trust, ca: root }\n", "s.yaml:11:5: unknown operation 'upload-trst'; did you mean 'upload-trust'?")]
    [InlineData("faults:\n  - at: 1h\n    partiton: { a: imp-a, b: imp-b }\n", "s.yaml:11:5: unknown fault 'partiton'; did you mean 'partition'?")]
    [InlineData("expect:\n  - at: 1h\n    node-upp: { node: imp-a-pub }\n", "s.yaml:11:5: unknown condition 'node-upp'; did you mean 'node-up'?")]
    [InlineData("steps:\n  - node: imp-a-pub\n    upload-trust: { store: tomcat-trust, ca: root, descripton: x }\n", "s.yaml:11:52: unknown key 'descripton' in 'upload-trust'; did you mean 'description'?")]
    [InlineData("steps:\n  - node: imp-a-pub\n    regenerate: Tomcat\n", "s.yaml:11:17: 'unit': 'Tomcat' is not valid; did you mean 'tomcat'?")]
    [InlineData("faults:\n  - at: 1h\n    for: 1h\n    crash: imp-a-sub1\n", "s.yaml:11:5: 'crash' has no window")]
    [InlineData("faults:\n  - at: 1h\n    clock-skew: { node: imp-a-pub, offset: two hours }\n", "s.yaml:11:44: 'offset': 'two hours' is not a duration")]
    [InlineData("faults:\n  - at: 1h\n    link: { a: imp-a, b: imp-b, loss: 150% }\n", "s.yaml:11:39: 'loss' must be a probability")]
    [InlineData("expect:\n  - at: 1h\n    within: 2h\n    node-up: { node: imp-a-pub }\n", "s.yaml:11:5: give one of 'at', 'within' or 'always'; found 'at' and 'within'")]
    [InlineData("expect:\n  - at: 1h\n    service-state: { node: imp-a-pub, service: Cisco Tomcat, state: Running }\n", "s.yaml:11:69: 'state': 'Running' is not valid; expected one of: Started, Starting, Stopped, Stopping")]
    [InlineData("expect:\n  - at: 1h\n    trust-store-contains: { store: tomcat-trust, ca: root }\n", "s.yaml:11:27: 'trust-store-contains' needs a target")]
    [InlineData("assumptions:\n  - within: 1h\n    secure-peers-when-trusted: yes\n", "s.yaml:11:32: 'secure-peers-when-trusted' takes no arguments")]
    [InlineData("assumptions:\n  - within: 1h\n    node-up: imp-a-pub\n", "s.yaml:10:5: an assumption is missing the key 'name'")]
    [InlineData("cas:\n  - name: x\n", "s.yaml:9:1: duplicate key 'cas'")]
    [InlineData("faults:\n  - { at: 1h, at: 2h, crash: imp-a-sub1 }\n", "s.yaml:10:15: duplicate key 'at'")]
    [InlineData("faults:\n  - at: 1h\n    partition: { a: imp-a, b: imp-a-pub }\n", "s.yaml:11:31: 'partition': imp-a-pub is on both sides; the two sides must not share a node")]
    [InlineData("faults:\n  - at: 1h\n    link: { a: [imp-a-pub, imp-b-pub], b: imp-b, loss: 0.5 }\n", "s.yaml:11:43: 'link': imp-b-pub is on both sides")]
    [InlineData("expect:\n  - at: 1h\n    sip-trunk-secure: { node: cucm-pub, trunk: IMP-Trunk, trunkk: x }\n", "s.yaml:11:59: unknown key 'trunkk' in 'sip-trunk-secure'; did you mean 'trunk'?; expected one of: trunk, destination, secure, node, nodes, cluster, publisher-of")]
    [InlineData("expect:\n  - at: 1h\n    sip-trunk-secure: { node: cucm-pub, trunk: IMP-Trunk, secure: maybe }\n", "s.yaml:11:67: 'secure' must be true or false, found 'maybe'")]
    [InlineData("expect:\n  - at: 1h\n    sip-trunk-secure: { node: cucm-pub, destination: imp-a-pub.example.com }\n", "s.yaml:11:23: 'sip-trunk-secure' is missing the argument 'trunk'")]
    [InlineData("expect:\n  - at: 1h\n    sip-trunk-secure: { trunk: IMP-Trunk }\n", "s.yaml:11:23: 'sip-trunk-secure' needs a target")]
    [InlineData("expect:\n  - at: 1h\n    sip-trunk-secure: { node: imp-a-pub, trunk: IMP-Trunk }\n", "s.yaml:11:25: 'sip-trunk-secure' reads Cisco CallManager on CUCM nodes; 'imp-a-pub' is an IM&P node")]
    [InlineData("expect:\n  - at: 1h\n    setting-active: { node: imp-a-pub, name: sip-transport, value: TCP }\n", "s.yaml:11:46: 'name': 'sip-transport' is not valid; expected one of: node-to-node-domain, sip-intra-cluster-transport, use-domain-for-xmpp-cert, web-client-secure-mode, xmpp-client-secure-mode, xmpp-router-secure-mode")]
    [InlineData("expect:\n  - at: 1h\n    setting-active: { node: imp-a-pub, name: xmpp-router-secure-mode, value: maybe }\n", "s.yaml:11:78: 'maybe' is not a value of 'xmpp-router-secure-mode'; expected one of: on, off")]
    [InlineData("expect:\n  - at: 1h\n    setting-active: { node: imp-a-pub, name: node-to-node-domain, value: not a domain }\n", "s.yaml:11:74: 'not a domain' is not a domain name")]
    [InlineData("expect:\n  - at: 1h\n    setting-active: { node: imp-a-pub, name: sip-intra-cluster-transport, value: [TCP] }\n", "s.yaml:11:82: 'value' must be a non-empty text value, found a list")]
    [InlineData("expect:\n  - at: 1h\n    setting-active: { cluster: cucm, name: xmpp-router-secure-mode, value: \"on\" }\n", "s.yaml:11:23: 'setting-active' reads the security settings of IM&P nodes; 'cucm-pub' is a CUCM node")]
    public void Each_error_is_reported_at_its_line_and_column(string snippet, string expectedStart)
    {
        var error = Single(snippet);
        Assert.StartsWith(expectedStart, error);
    }

    [Fact]
    public void A_yaml_syntax_error_is_reported_at_the_parser_mark()
    {
        var errors = Errors("name: t\nsteps:\n  - node: a\n   cli: b\n");
        var error = Assert.Single(errors);
        Assert.StartsWith("s.yaml:4:4: YAML syntax error", error);
    }

    [Fact]
    public void An_unclosed_flow_list_is_a_syntax_error_not_a_crash()
    {
        var error = Assert.Single(Errors("name: t\nsteps: [ { node: a\n"));
        Assert.Contains("YAML syntax error", error);
        Assert.StartsWith("s.yaml:", error);
    }

    [Fact]
    public void An_empty_file_is_an_error()
    {
        Assert.Equal(["s.yaml:1:1: the scenario file is empty; expected at least the keys 'name' and 'deployment'"], Errors(""));
    }

    [Fact]
    public void A_file_with_three_errors_reports_all_three_in_file_order()
    {
        var errors = Errors(Head +
            "steps:\n" +                                   // 9
            "  - node: imp-q\n" +                          // 10: unknown node
            "    cli: a\n" +                               // 11
            "  - node: imp-a-pub\n" +                      // 12
            "    restart-service: Cisco Tomcat Service\n" + // 13: unknown service
            "expect:\n" +                                  // 14
            "  - at: soon\n" +                             // 15: bad duration
            "    node-up: { node: imp-a-pub }\n");         // 16
        Assert.Equal(3, errors.Length);
        Assert.StartsWith("s.yaml:10:11: unknown node 'imp-q'", errors[0]);
        Assert.StartsWith("s.yaml:13:22: unknown service 'Cisco Tomcat Service'", errors[1]);
        Assert.StartsWith("s.yaml:15:9: 'at': 'soon' is not a duration", errors[2]);
    }

    [Fact]
    public void A_missing_name_and_deployment_are_both_reported_at_the_top()
    {
        var errors = Errors("description: nothing else\n");
        Assert.Equal(["s.yaml:1:1: the scenario is missing the key 'name'", "s.yaml:1:1: the scenario is missing the key 'deployment'"], errors);
    }

    [Fact]
    public void An_inline_topology_error_is_reported_at_the_scenario_line()
    {
        var errors = Errors(
            "name: t\n" +
            "deployment:\n" +
            "  topology:\n" +
            "    cucm-clusters:\n" +
            "      - name: cucm\n" +
            "        nodes:\n" +
            "          - { name: cucm-pub, fqdn: cucm-pub.example.com, ip: 10.0.0.300, role: publisher }\n" +
            "    imp-clusters: []\n");
        var error = Assert.Single(errors);
        Assert.StartsWith("s.yaml:7:63: topology: ip '10.0.0.300' is not a valid IPv4 address", error);
    }

    [Fact]
    public void Node_names_are_checked_against_an_inline_topology()
    {
        var errors = Errors(
            "name: t\n" +
            "deployment:\n" +
            "  topology: { cucm-clusters: [ { name: c, nodes: [ { name: c-pub, fqdn: c-pub.x.com, ip: 10.0.0.1, role: publisher } ] } ], imp-clusters: [] }\n" +
            "steps:\n" +
            "  - node: imp-a-pub\n" +
            "    cli: a\n");
        Assert.StartsWith("s.yaml:5:11: unknown node 'imp-a-pub'; nodes of the deployment: c-pub", Assert.Single(errors));
    }

    [Fact]
    public void An_unknown_topology_name_is_an_error()
    {
        var errors = Errors("name: t\ndeployment:\n  topology: three-clusters\n");
        Assert.StartsWith("s.yaml:3:13: topology 'three-clusters' not found", Assert.Single(errors));
    }

    [Fact]
    public void A_topology_file_under_configs_topologies_is_found_by_its_name()
    {
        var s = Valid("name: t\ndeployment:\n  topology: default.yaml\n");
        Assert.Equal(20, s.Deployment.Topology.Nodes.Count());
    }

    [Fact]
    public void An_intermediate_must_come_after_the_ca_that_signs_it()
    {
        var errors = Errors("name: t\ndeployment: { topology: two-clusters }\ncas:\n  - { name: sub, signed-by: root }\n  - { name: root }\n");
        Assert.StartsWith("s.yaml:4:29: unknown CA 'root': no CA is declared", Assert.Single(errors));
    }

    [Fact]
    public void A_deadline_past_the_horizon_is_an_error()
    {
        var errors = Errors(Head.Replace("until: 24h", "until: 1h") + "expect:\n  - within: 2h\n    node-up: { node: imp-a-pub }\n");
        Assert.StartsWith("s.yaml:10:13: the check ends at 2h, after the horizon 1h", Assert.Single(errors));
    }
}
