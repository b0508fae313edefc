using System.Text;
using ImpClusterSim.Domain.Banner;

namespace ImpClusterSim.Domain.Tests.Banner;

public sealed class BannerTests
{
    private static readonly byte[] Notice = Encoding.UTF8.GetBytes("Authorised use only.\r\nActivity is logged.\r\n");

    [Fact]
    public void An_uploaded_banner_shows_before_and_after_login_on_every_listed_interface()
    {
        var result = NodeBanner.None("imp-a-pub").Upload("notice.txt", Notice);
        Assert.True(result.Accepted);
        Assert.Equal([NodeBanner.UploadedMessage], result.Messages.ToList());
        foreach (var i in Enum.GetValues<LoginInterface>())
        foreach (var p in Enum.GetValues<LoginPhase>())
            Assert.Equal("Authorised use only.\nActivity is logged.\n", result.State.ShownOn(i, p));
    }

    [Fact]
    public void The_banner_interfaces_are_named_as_in_the_guide()
    {
        Assert.Equal(
            [
                "Cisco Unified CM IM and Presence Administration",
                "Cisco Unified IM and Presence Operating System Administration",
                "Cisco Unified IM and Presence Serviceability",
                "Cisco Unified IM and Presence Reporting",
                "IM and Presence Disaster Recovery System",
                "Cisco Unified CM IM and Presence User Options",
                "admin CLI",
            ],
            Enum.GetValues<LoginInterface>().Select(LoginInterfaceNames.Of));
    }

    [Fact]
    public void A_file_that_is_not_txt_is_refused_and_the_old_banner_stays()
    {
        var node = NodeBanner.None("imp-a-pub").Upload("old.txt", Notice).State;
        var result = node.Upload("notice.pdf", Notice);
        Assert.False(result.Accepted);
        Assert.Contains("is not a .txt file", Assert.Single(result.Messages));
        Assert.Same(node, result.State);
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused()
    {
        var big = Enumerable.Repeat((byte)'a', BannerValidator.MaxBytes + 1).ToArray();
        Assert.Contains("maximum is 10240 bytes", Assert.Single(NodeBanner.None("n").Upload("big.txt", big).Messages));
        Assert.True(NodeBanner.None("n").Upload("max.txt", big.AsSpan(1)).Accepted);
    }

    [Fact]
    public void A_binary_file_is_refused_as_not_text()
    {
        Assert.Contains("control characters", Assert.Single(NodeBanner.None("n").Upload("x.txt", [0x41, 0x00, 0x42]).Messages));
        Assert.Contains("not valid UTF-8", Assert.Single(NodeBanner.None("n").Upload("x.txt", [0xC3, 0x28]).Messages));
    }

    [Fact]
    public void An_empty_file_is_refused_and_every_problem_is_reported()
    {
        var result = NodeBanner.None("n").Upload("x.doc", []);
        var messages = result.Messages;
        Assert.Equal(2, messages.Length);
        Assert.False(result.Accepted);
        Assert.Null(result.State.Banner);
        Assert.Equal(
            ["The file 'x.doc' is not a .txt file. Upload a plain text (.txt) file.", "The file is empty."],
            messages.ToArray());
    }

    [Fact]
    public void A_byte_order_mark_is_dropped()
    {
        byte[] content = [0xEF, 0xBB, 0xBF, (byte)'h', (byte)'i'];
        Assert.Equal("hi", NodeBanner.None("n").Upload("x.TXT", content).State.Banner!.Text);
    }

    [Fact]
    public void A_deleted_banner_is_no_longer_shown()
    {
        var node = NodeBanner.None("n").Upload("x.txt", Notice).State.Delete();
        Assert.Null(node.ShownOn(LoginInterface.Serviceability, LoginPhase.AfterLogin));
    }
}
