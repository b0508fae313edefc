using ImpClusterSim.Domain.Cli;
using static ImpClusterSim.Domain.Services.ServiceNames;

namespace ImpClusterSim.Domain.Tests.Cli;

public sealed class CliParserTests
{
    private static readonly string[] Services = [CiscoTomcat, CiscoXcpRouter, CiscoInterclusterSyncAgent, CiscoSipProxy];

    private static CliCommand Ok(string line)
    {
        var r = CliParser.Parse(line, Services);
        Assert.True(r.IsSuccess, r.ErrorOutput);
        return r.Command!;
    }

    private static string Fail(string line)
    {
        var r = CliParser.Parse(line, Services);
        Assert.False(r.IsSuccess);
        return r.ErrorOutput!;
    }

    [Fact]
    public void Utils_service_list_parses_with_and_without_page()
    {
        Assert.Equal(new ServiceListCommand(false), Ok("utils service list"));
        Assert.Equal(new ServiceListCommand(true), Ok("utils service list page"));
    }

    [Theory]
    [InlineData("utils service start Cisco Tomcat", ServiceAction.Start, CiscoTomcat)]
    [InlineData("utils service stop Cisco XCP Router", ServiceAction.Stop, CiscoXcpRouter)]
    [InlineData("utils service restart Cisco Intercluster Sync Agent", ServiceAction.Restart, CiscoInterclusterSyncAgent)]
    [InlineData("  UTILS  service restart   cisco   sip proxy ", ServiceAction.Restart, CiscoSipProxy)]
    public void Utils_service_control_parses_the_full_service_name(string line, ServiceAction action, string service)
    {
        Assert.Equal(new ServiceControlCommand(action, service), Ok(line));
    }

    [Fact]
    public void An_unknown_service_is_refused_with_its_name()
    {
        Assert.Equal("Invalid service name: Cisco Nothing\nExecuted command unsuccessfully", Fail("utils service restart Cisco Nothing"));
    }

    [Fact]
    public void A_service_of_another_node_is_an_unknown_service()
    {
        Assert.StartsWith("Invalid service name: Cisco Sync Agent", Fail("utils service start Cisco Sync Agent"));
    }

    [Fact]
    public void An_unknown_command_is_executed_unsuccessfully()
    {
        Assert.Equal("Executed command unsuccessfully", Fail("utils frobnicate"));
        Assert.Equal("Executed command unsuccessfully", Fail("hello"));
    }

    [Fact]
    public void An_incomplete_command_prints_its_usage()
    {
        var output = Fail("utils service start");
        Assert.Contains("  utils service restart <service name>", output);
        Assert.EndsWith("Executed command unsuccessfully", output);
        Assert.Contains("utils fips enable|disable|status", Fail("utils fips on"));
    }

    [Fact]
    public void Show_cert_list_parses_own_and_trust()
    {
        Assert.Equal(new ShowCertListCommand(CertListKind.Own), Ok("show cert list own"));
        Assert.Equal(new ShowCertListCommand(CertListKind.Trust), Ok("show cert list trust"));
        Assert.Contains("show cert list own|trust", Fail("show cert list mine"));
    }

    [Fact]
    public void Show_cert_own_takes_unit_slash_unit_pem()
    {
        var c = Assert.IsType<ShowCertOwnCommand>(Ok("show cert own cup-xmpp-s2s/cup-xmpp-s2s.pem"));
        Assert.Equal(("cup-xmpp-s2s", "cup-xmpp-s2s/cup-xmpp-s2s.pem"), (c.Unit, c.FileName));
        Assert.Contains("show cert own <unit>/<unit>.pem", Fail("show cert own tomcat/other.pem"));
    }

    [Fact]
    public void Set_cert_regen_takes_a_unit()
    {
        Assert.Equal(new SetCertRegenCommand("tomcat"), Ok("set cert regen tomcat"));
        Assert.Contains("set cert regen <unit>", Fail("set cert regen"));
    }

    [Fact]
    public void Dbreplication_fips_and_network_commands_parse()
    {
        Assert.Equal(new DbReplicationRuntimeStateCommand(), Ok("utils dbreplication runtimestate"));
        Assert.Equal(new FipsCommand(FipsAction.Enable), Ok("utils fips enable"));
        Assert.Equal(new FipsCommand(FipsAction.Disable), Ok("utils fips disable"));
        Assert.Equal(new FipsCommand(FipsAction.Status), Ok("utils fips status"));
        Assert.Equal(new ShowNetworkClusterCommand(), Ok("show network cluster"));
    }

    [Fact]
    public void An_empty_line_and_quit_parse()
    {
        Assert.Equal(new EmptyCommand(), Ok("   "));
        Assert.Equal(new QuitCommand(), Ok("quit"));
    }

    [Fact]
    public void Yes_no_answers_parse_and_anything_else_asks_again()
    {
        Assert.Equal([true, false, null], new[] { "yes", "NO", "maybe" }.Select(CliParser.ParseYesNo));
    }
}
