using System.CommandLine;
using System.Globalization;
using ImpClusterSim.Cli.Common;
using ImpClusterSim.Domain.Time;
using ImpClusterSim.Live;
using ImpClusterSim.Live.Ports;

namespace ImpClusterSim.Cli.Live;

/// <summary>
/// `impsim node --topology T --name NODE --port P [--seed-nodes akka.tcp://impsim@H:P,...]`: runs one node of the
/// topology as an Akka.Cluster member in this process (docs/live.md) until asked to stop (Ctrl+C, SIGTERM, or the
/// coordinator), or until the cluster removes it.
/// </summary>
public static class NodeCommand
{
    private static readonly Option<string> Topology = new("--topology") { Description = "Topology file or embedded name (default, two-clusters, lab)", DefaultValueFactory = _ => "two-clusters" };
    private static readonly Option<string> Name = new("--name") { Description = "The node of the topology this process runs", Required = true };
    private static readonly Option<string> Hostname = new("--hostname") { Description = "Host name or IP this process binds and others reach it at", DefaultValueFactory = _ => "127.0.0.1" };
    private static readonly Option<int> Port = new("--port") { Description = "Fixed TCP port of this process (a restart must reuse it)", Required = true };
    private static readonly Option<string?> SeedNodes = new("--seed-nodes") { Description = "Comma-separated seed addresses, akka.tcp://impsim@HOST:PORT (default: this process, a new cluster)" };
    private static readonly Option<string> Data = new("--data") { Description = "Directory of the node's SQLite file (NODE.db)", DefaultValueFactory = _ => "impsim-live-data" };
    private static readonly Option<double> Speed = LiveArguments.SpeedOption("Virtual seconds per wall second", 1);
    private static readonly Option<long?> Epoch = new("--epoch") { Description = "Wall instant (Unix ms) at which the run's virtual time starts (default: now)" };
    private static readonly Option<ulong> Seed = new("--seed") { Description = "The run's seed (random streams per node and purpose)", DefaultValueFactory = _ => 1 };
    private static readonly Option<string?> Tls = new("--tls") { Description = "Directory of the run's TLS files (ca.pem, NODE.pfx) made by `impsim live --tls`" };
    private static readonly Option<bool> WaitForStart = new("--wait-for-start") { Description = "Start the services only when the coordinator says so (it sends the shared epoch)" };
    private static readonly Option<bool> Quiet = new("--quiet") { Description = "Do not echo trace events" };
    private static readonly Option<FileInfo?> Scenario = new("--scenario") { Description = "Run the platform's services for this scenario file's deployment (instead of --topology's skeleton services) and play its steps and probes for `impsim live`" };

    public static Command Create()
    {
        var command = new Command("node", "Run one node of a topology as an Akka.Cluster member over TCP (live mode)")
        {
            Topology, Name, Hostname, Port, SeedNodes, Data, Speed, Epoch, Seed, Tls, WaitForStart, Quiet, Scenario,
        };
        command.SetAction(parse => Execute(parse, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    private static int Execute(ParseResult parse, TextWriter output, TextWriter error)
    {
        Scenarios.Language.Scenario? scenario = null;
        if (parse.GetValue(Scenario) is { } scenarioFile)
        {
            scenario = Run.RunCommand.LoadScenarioFile(scenarioFile, error);
            if (scenario is null) return ExitCodes.BadInput;
        }

        var topology = scenario?.Deployment.Topology ?? LiveArguments.Topology(parse.GetValue(Topology)!);
        var name = parse.GetValue(Name)!;
        var node = topology.FindNode(name) ?? throw new UsageException($"--name '{name}' is not a node of the topology; its nodes: {string.Join(", ", topology.Nodes.Select(n => n.Name))}");
        var port = parse.GetValue(Port);
        LiveArguments.Port("--port", port);
        var speed = parse.GetValue(Speed);
        var hostname = parse.GetValue(Hostname)!;
        var tlsDir = parse.GetValue(Tls);
        var self = LiveHocon.AddressOf(hostname, port, tlsDir is not null);
        var seeds = LiveArguments.SeedNodes(parse.GetValue(SeedNodes), self);
        LiveTlsFiles? tls = null;
        if (tlsDir is not null)
        {
            tls = LiveTls.FilesFor(tlsDir, name);
            if (!File.Exists(tls.PfxPath)) throw new UsageException($"--tls: no certificate for {name} at {tls.PfxPath}");
        }
        var epoch = parse.GetValue(Epoch) is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : DateTimeOffset.UtcNow;
        var time = new LiveTime(SimInstant.DefaultRunStart, epoch, speed);
        var role = LiveSkeleton.RoleOf(topology, name);
        var settings = new LiveNodeSettings(name, node.Cluster, role.IsPublisher,
            new LiveHostSettings(hostname, port, seeds, LiveNodeSettings.RolesOf(name, node.Cluster, role.IsPublisher), tls),
            parse.GetValue(Data)!, time, parse.GetValue(Seed)) { PlaysScenario = scenario is not null };

        LiveNodeHost host;
        try
        {
            var root = scenario is null ? LiveSkeleton.Root(role) : Scenarios.Live.LiveScenarioRunner.NodeRoot(scenario, name);
            host = LiveNodeHost.StartAsync(settings, root, TimeSpan.FromSeconds(60), parse.GetValue(Quiet) ? null : output, !parse.GetValue(WaitForStart))
                .GetAwaiter().GetResult();
            if (scenario is not null) Scenarios.Live.LiveScenarioRunner.StartAgent(host, scenario);
        }
        catch (TimeoutException e)
        {
            error.WriteLine($"impsim node: {e.Message}");
            return ExitCodes.ExpectationFailed;
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"node {name} Up at {self} (cluster {node.Cluster}, incarnation {host.Incarnation}, SQLite {settings.DatabasePath})"));
        output.Flush();

        using var stop = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            host.RequestShutdown();
        };
        Console.CancelKeyPress += onCancel;
        using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, c =>
        {
            c.Cancel = true;
            host.RequestShutdown();
        });
        try
        {
            host.Terminated.GetAwaiter().GetResult();
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
            host.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        output.WriteLine($"node {name} stopped");
        return ExitCodes.Success;
    }
}
