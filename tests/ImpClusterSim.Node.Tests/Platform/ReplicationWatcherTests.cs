using ImpClusterSim.Domain.Services;
using ImpClusterSim.Node.Runtime;
using ImpClusterSim.Simulation;

namespace ImpClusterSim.Node.Tests.Platform;

/// <summary>
/// The Service Manager's Replication Watcher holds a subscriber's feature services in Starting until the database
/// hears its publisher. The database tells it only when the link's state changes, so a shutdown of every service (the
/// FIPS reboot), which resets the watcher, must make the database tell it again.
/// </summary>
public sealed class ReplicationWatcherTests : IDisposable
{
    // A reboot much shorter than the time after which the link counts as lost (two polls and a minute): the database's
    // own view of the link never changes while the node reboots.
    private readonly SimulationRun _run = PlatformFixture.Lab(timings: new RuntimeTimings { NodeReboot = DurationRange.Of("1m", "1m") });

    public void Dispose() => _run.Dispose();

    private string Cli(string node, string line) => _run.Operator.Request<CliReply>(node, r => new CliRequest(line, r))!.Output;

    [Fact]
    public void Feature_services_of_a_subscriber_start_again_after_a_fips_reboot_shorter_than_the_link_timeout()
    {
        _run.RunFor(TimeSpan.FromMinutes(15));
        Assert.Contains("Cisco SIP Proxy[STARTED]", Cli("imp-a-sub1", "utils service list"));

        Cli("imp-a-sub1", "utils fips enable");
        Assert.Contains("FIPS mode enabled successfully.", Cli("imp-a-sub1", "yes"));
        _run.RunFor(TimeSpan.FromMinutes(4)); // the reboot (1 minute) and the services' start (under a minute)

        var services = Cli("imp-a-sub1", "utils service list");
        Assert.Contains("Cisco Tomcat[STARTED]", services);
        Assert.Contains("Cisco SIP Proxy[STARTED]", services);
    }
}
