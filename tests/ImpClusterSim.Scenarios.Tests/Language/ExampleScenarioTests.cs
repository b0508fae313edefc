using ImpClusterSim.Domain.Settings;
using ImpClusterSim.Scenarios.Language;

namespace ImpClusterSim.Scenarios.Tests.Language;

public sealed class ExampleScenarioTests
{
    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(RepoRoot.File("scenarios", "examples"), "*.yaml").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(f));
        return data;
    }

    private static Scenario Load(string name)
    {
        var (scenario, errors) = ScenarioLoader.Load(RepoRoot.File("scenarios", "examples", name));
        Assert.True(errors.IsEmpty, string.Join("\n", errors));
        return scenario!;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_example_validates(string name) => Load(name);

    [Fact]
    public void There_are_examples_to_check() => Assert.True(Examples().Count >= 3);

    [Fact]
    public void The_tomcat_rollout_parses_into_the_expected_steps_faults_and_expectations()
    {
        var s = Load("ca-signed-tomcat-two-clusters.yaml");
        Assert.Equal("ca-signed-tomcat-two-clusters", s.Name);
        Assert.Equal(42UL, s.Seed);
        Assert.Equal(TimeSpan.FromHours(6), s.Until);
        Assert.Equal("two-clusters", s.Deployment.Source);
        Assert.Equal(TimeSpan.FromMinutes(30), s.Deployment.Settings.Timings.IcsaInterval);
        Assert.Equal(TimeSpan.FromSeconds(60), s.Deployment.Settings.Timings.ReplicationDelay!.Max);
        Assert.Equal(TimeSpan.FromSeconds(270), s.Deployment.Settings.Timings.Services["Cisco Tomcat"].Start!.Max);
        Assert.Equal(0.001, s.Deployment.Settings.Network.Loss!.Value, 9);

        Assert.Equal<string>(["corp-root", "corp-issuing"], s.Cas.Select(c => c.Name));
        Assert.Equal("corp-root", s.Cas[1].SignedBy);
        Assert.Equal(0, s.Cas[1].PathLength);
        Assert.Equal(ImpClusterSim.Pki.KeyAlgorithm.Rsa4096, s.Cas[0].Key);

        var first = s.Steps[0];
        Assert.Equal("peer-a", first.Label);
        Assert.Equal(TargetKind.PublisherOf, first.Target!.Kind);
        Assert.Equal<string>(["imp-a-pub"], first.Target.Nodes);
        Assert.Equal(new AddPeer("imp-b", PeerProtocol.Tls, "InterClusterApplicationUser", first.Operation.Span), first.Operation);

        var upload = s.StepLabelled("upload-ca-a")!;
        Assert.Equal(TimeSpan.FromHours(1), upload.At);
        Assert.Equal(StepTiming.At, upload.Timing);
        var op = Assert.IsType<UploadTrust>(upload.Operation);
        Assert.Equal(("tomcat-trust", "corp-root"), (op.Store, op.Ca));
        Assert.Equal(new SourceSpan(op.Span.File, upload.Span.Line + 3, 5), op.Span);

        Assert.Equal(TimeSpan.FromMinutes(62), s.StepLabelled("upload-ca-b")!.At);
        var csrB = s.Steps.Single(x => x.Operation is GenerateCsr && x.Target!.Names[0] == "imp-b");
        Assert.Equal(TimeSpan.FromMinutes(125), csrB.At);
        Assert.Equal<string>(["imp-b-pub", "imp-b-sub1"], csrB.Target!.Nodes);

        var restart = Assert.IsType<ServiceControl>(s.Steps[4].Operation);
        Assert.Equal(("restart-service", "Cisco Intercluster Sync Agent"), (restart.Kind, restart.Service));

        var fault = Assert.Single(s.Faults);
        Assert.Equal(("cut", TimeSpan.FromMinutes(90), (TimeSpan?)TimeSpan.FromMinutes(150)), (fault.Id, fault.At, fault.Until));
        var partition = Assert.IsType<Partition>(fault.Action);
        Assert.Equal<string>(["imp-a-pub", "imp-a-sub1"], partition.A.Nodes);
        Assert.False(partition.OneWay);

        var secure = s.Expectations.Single(e => e.Condition is PeerStatusIs);
        Assert.Equal(new CheckWindow(CheckMode.Within, TimeSpan.FromMinutes(125), TimeSpan.FromMinutes(170), "tomcat-restarted-b"), secure.When);
        Assert.Equal("Connection is secure", ((PeerStatusIs)secure.Condition).Status);
        Assert.Equal(CheckMode.Always, s.Expectations[^1].When.Mode);

        var assumption = Assert.Single(s.Assumptions);
        Assert.Equal("peers secure within 20 minutes of the CA upload", assumption.Name);
        Assert.Equal(TimeSpan.FromMinutes(82), assumption.When.To);
    }

    [Fact]
    public void The_fips_example_has_faults_with_windows_and_signed_offsets()
    {
        var s = Load("fips-enable.yaml");
        Assert.IsType<FipsEnable>(s.StepLabelled("fips-pub")!.Operation);
        var skew = s.Faults.Select(f => f.Action).OfType<ClockSkew>().Single();
        Assert.Equal(TimeSpan.FromHours(-2), skew.Offset);
        Assert.Equal(TimeSpan.FromMinutes(150), s.Faults[1].Until);
        Assert.False(s.Faults.Select(f => f.Action).OfType<FipsSelfTestFailure>().Single().Persistent);
        var sync = Assert.IsType<ForceManualSync>(s.StepLabelled("resync")!.Operation);
        Assert.True(sync.ResyncTomcat);
    }

    [Fact]
    public void The_banner_example_uses_an_inline_topology()
    {
        var s = Load("login-banner.yaml");
        Assert.Equal("inline", s.Deployment.Source);
        Assert.Equal<string>(["cucm-pub", "imp-pub"], s.Deployment.Topology.Nodes.Select(n => n.Name));
        var menu = Assert.IsType<MenuAction>(s.Steps[0].Operation);
        Assert.Equal("true", menu.Args["Acknowledgement Required"]);
        Assert.StartsWith("Authorized use only", Assert.IsType<UploadBanner>(s.Steps[1].Operation).Text);
        Assert.Equal(ImpClusterSim.Domain.Banner.LoginInterface.OperatingSystemAdministration, ((BannerShown)s.Expectations[0].Condition).Interface);
        _ = SecuritySetting.NodeToNodeDomain;
    }
}
