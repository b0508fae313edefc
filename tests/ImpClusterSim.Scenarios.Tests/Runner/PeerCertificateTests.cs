using ImpClusterSim.Scenarios.Outcome;
using ImpClusterSim.Scenarios.Runner;

namespace ImpClusterSim.Scenarios.Tests.Runner;

/// <summary>
/// peer-certificate: what imp-a's Cisco Intercluster Sync Agent last received from imp-b. imp-b uploads a CA-signed
/// Tomcat certificate; a forced sync before the Cisco Tomcat restart still receives the self-signed one (Tomcat serves
/// what it loaded at its start), a forced sync after it receives the new one.
/// </summary>
public sealed class PeerCertificateTests
{
    private const string Yaml = """
        name: peer-certificate
        until: 2h
        deployment:
          topology: lab
        cas:
          - { name: corp-root, subject: Example Corp Root CA }
        steps:
          - at: 10m
            publisher-of: imp-a
            add-peer: { peer: imp-b, protocol: TLS }
          - publisher-of: imp-b
            add-peer: { peer: imp-a, protocol: TLS }
          - at: 30m
            cluster: imp-a
            upload-trust: { store: tomcat-trust, ca: corp-root }
          - label: leaf
            at: 1h
            publisher-of: imp-b
            upload-leaf: { unit: tomcat, signed-by: corp-root }
          - label: sync-before-restart
            at: 1h10m
            publisher-of: imp-a
            force-manual-sync: imp-b
          - label: tomcat-restarted
            at: 1h20m
            publisher-of: imp-b
            restart-service: Cisco Tomcat
          - label: sync-after-restart
            at: 1h30m
            publisher-of: imp-a
            force-manual-sync: imp-b
        expect:
          - name: self-signed before the upload
            at: 50m
            peer-certificate: { cluster: imp-a, peer: imp-b, self-signed: true }
          - name: not the CA's before the upload
            at: 50m
            not: { peer-certificate: { cluster: imp-a, peer: imp-b, issued-by: corp-root } }
          - name: still the self-signed one after the upload, before the restart
            at: 1h15m
            peer-certificate: { cluster: imp-a, peer: imp-b-pub, self-signed: true }
          - name: the CA's after the restart
            within: 5m
            after: sync-after-restart
            peer-certificate: { cluster: imp-a, peer: imp-b, issued-by: corp-root }
          - name: no longer self-signed
            at: 1h40m
            peer-certificate: { cluster: imp-a-pub, peer: imp-b, self-signed: false }
        """;

    private static ScenarioOutcome Play(string yaml) => ScenarioRunner.Run(ScenarioFiles.Parse(yaml, "peer-certificate.yaml"), new ScenarioRunOptions());

    [Fact]
    public void The_peer_certificate_is_the_old_one_until_Tomcat_restarts_and_the_new_one_after()
    {
        var outcome = Play(Yaml);

        Assert.True(outcome.Passed, string.Join("\n", outcome.Checks.Where(c => !c.Passed).Select(c => $"{c.Name}: {c.Detail}")));
        var byName = outcome.Checks.ToDictionary(c => c.Name);
        Assert.Contains("imp-a-pub last received from imp-b-pub.example.com the Tomcat certificate 'imp-b-pub.example.com' self-signed",
            byName["still the self-signed one after the upload, before the restart"].Detail);
        Assert.Contains("issued by 'Example Corp Root CA' (status 'Connection is secure')", byName["the CA's after the restart"].Detail);
    }

    [Fact]
    public void Expecting_the_new_certificate_before_the_restart_fails_with_what_the_agent_received()
    {
        var failed = Assert.Single(Play(Yaml.Replace("at: 1h15m\n    peer-certificate: { cluster: imp-a, peer: imp-b-pub, self-signed: true }",
            "at: 1h15m\n    peer-certificate: { cluster: imp-a, peer: imp-b-pub, issued-by: corp-root }")).Checks, c => !c.Passed);

        Assert.StartsWith("did not hold at 01:15:00: imp-a-pub last received from imp-b-pub.example.com the Tomcat certificate 'imp-b-pub.example.com' self-signed", failed.Detail);
    }

    [Fact]
    public void Before_the_peer_is_added_it_does_not_hold()
    {
        var outcome = Play(Yaml.Replace("at: 50m\n    peer-certificate: { cluster: imp-a, peer: imp-b, self-signed: true }",
            "at: 5m\n    peer-certificate: { cluster: imp-a, peer: imp-b, self-signed: true }"));

        var failed = Assert.Single(outcome.Checks, c => !c.Passed);
        Assert.Equal("self-signed before the upload", failed.Name);
        Assert.Contains("imp-a-pub has no intercluster peer imp-b-pub.example.com", failed.Detail);
    }

    [Fact]
    public void Live_mode_asks_the_publisher_s_own_process_and_does_not_refuse_it()
    {
        var study = ScenarioFiles.Load("studies/tomcat-restart-peers.yaml");
        var condition = Assert.IsType<Scenarios.Language.PeerCertificateIs>(Assert.Single(study.Assumptions).Condition);

        Assert.True(ConditionProbe.IsNodeLocal(condition));
        Assert.Empty(Scenarios.Live.LiveSupport.Refusals(study));
    }
}
