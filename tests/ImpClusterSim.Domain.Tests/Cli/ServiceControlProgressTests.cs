using ImpClusterSim.Domain.Cli;
using ImpClusterSim.Domain.Services;
using ImpClusterSim.Domain.Tests.Services;
using ImpClusterSim.Domain.Topology;
using static ImpClusterSim.Domain.Services.ServiceNames;

namespace ImpClusterSim.Domain.Tests.Cli;

public sealed class ServiceControlProgressTests
{
    private static string Transcript(ServiceAction action, string service, Action<ServiceDriver>? before = null)
    {
        var node = new ServiceDriver(NodeServices.Create(ServiceCatalogue.Default, TopologyLoader.LoadDefault().Node("imp-a-pub")));
        before?.Invoke(node);
        var seen = node.Events.Count;
        ServiceCommand command = action switch
        {
            ServiceAction.Start => new StartService(service),
            ServiceAction.Stop => new StopService(service),
            _ => new RestartService(service),
        };
        var reply = node.Send(command);
        var (progress, output) = ServiceControlProgress.Begin(action, reply, node.State.Find(service) is null ? null : node.State[service]);
        var lines = new List<string> { output };
        seen = node.Events.Count;
        node.Advance();
        foreach (var change in node.Events.Skip(seen).OfType<ServiceStatusChanged>())
        {
            if (progress is null || progress.Done) break;
            (progress, var more) = progress.On(change);
            if (more.Length > 0) lines.Add(more);
        }

        Assert.True(progress is null || progress.Done);
        return string.Join("\n", lines);
    }

    [Fact]
    public void A_restart_prints_stopping_starting_started()
    {
        Assert.Equal("Service Manager is running\nCisco Tomcat[STOPPING]\nCisco Tomcat[STARTING]\nCisco Tomcat[STARTED]",
            Transcript(ServiceAction.Restart, CiscoTomcat));
    }

    [Fact]
    public void A_stop_prints_stopping_stopped()
    {
        Assert.Equal("Service Manager is running\nCisco SIP Proxy[STOPPING]\nCisco SIP Proxy[STOPPED]",
            Transcript(ServiceAction.Stop, CiscoSipProxy));
    }

    [Fact]
    public void A_start_of_a_started_service_prints_its_status_and_finishes()
    {
        Assert.Equal("Service Manager is running\nCisco Tomcat[STARTED]", Transcript(ServiceAction.Start, CiscoTomcat));
    }

    [Fact]
    public void A_start_prints_starting_started()
    {
        Assert.Equal("Service Manager is running\nCisco Tomcat[STARTING]\nCisco Tomcat[STARTED]",
            Transcript(ServiceAction.Start, CiscoTomcat, n => { n.Send(new StopService(CiscoTomcat)); n.Advance(); }));
    }
}
