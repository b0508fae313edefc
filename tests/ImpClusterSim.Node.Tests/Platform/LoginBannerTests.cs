using System.Collections.Immutable;
using System.Text;
using ImpClusterSim.Domain.Banner;
using ImpClusterSim.Node.Runtime;
using ImpClusterSim.Simulation;

namespace ImpClusterSim.Node.Tests.Platform;

public sealed class LoginBannerTests : IDisposable
{
    private readonly SimulationRun _run = PlatformFixture.TwoClusters();

    public void Dispose() => _run.Dispose();

    private AdminReply Upload(string node, string file, string text) =>
        _run.Operator.Request<AdminReply>(node, r => new UploadLoginBanner(file, [.. Encoding.UTF8.GetBytes(text)], r))!;

    private string? Shown(string node, LoginInterface where, LoginPhase phase) =>
        _run.Operator.Request<LoginPage>(node, r => new OpenLoginPage(where, phase, r))!.Banner;

    [Fact]
    public void A_banner_uploaded_on_one_node_is_shown_there_before_and_after_login_and_absent_on_its_peers()
    {
        Assert.True(Upload("imp-a-pub", "legal.txt", "Authorized use only").Accepted);
        _run.RunFor(TimeSpan.FromHours(1));
        foreach (var where in Enum.GetValues<LoginInterface>())
        {
            Assert.Equal("Authorized use only", Shown("imp-a-pub", where, LoginPhase.BeforeLogin));
            Assert.Equal("Authorized use only", Shown("imp-a-pub", where, LoginPhase.AfterLogin));
        }
        // Not replicated: the other nodes of the cluster show none.
        Assert.Null(Shown("imp-a-sub1", LoginInterface.ImAndPresenceAdministration, LoginPhase.BeforeLogin));
        Assert.Null(Shown("imp-b-pub", LoginInterface.ImAndPresenceAdministration, LoginPhase.BeforeLogin));
    }

    [Fact]
    public void A_banner_survives_a_crash_and_restart()
    {
        Upload("imp-a-sub1", "legal.txt", "Keep out");
        _run["imp-a-sub1"].Crash();
        _run.RunFor(TimeSpan.FromMinutes(5));
        _run["imp-a-sub1"].Start();
        Assert.Equal("Keep out", Shown("imp-a-sub1", LoginInterface.Serviceability, LoginPhase.BeforeLogin));
    }

    [Fact]
    public void A_refused_upload_leaves_the_previous_banner()
    {
        Upload("imp-b-pub", "legal.txt", "First");
        var refused = Upload("imp-b-pub", "legal.docx", "Second");
        Assert.False(refused.Accepted);
        Assert.NotEmpty(refused.Messages);
        Assert.Equal("First", Shown("imp-b-pub", LoginInterface.ImAndPresenceAdministration, LoginPhase.AfterLogin));
    }

    [Fact]
    public void An_operation_on_a_down_node_gets_no_reply()
    {
        _run["imp-b-sub1"].Crash();
        Assert.Null(_run.Operator.Request<AdminReply>("imp-b-sub1", r => new UploadLoginBanner("a.txt", [.. "x"u8.ToArray()], r)));
    }
}
