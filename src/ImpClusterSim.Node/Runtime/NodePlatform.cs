using Akka.Actor;
using ImpClusterSim.Domain.Cli;
using ImpClusterSim.Domain.Services;
using ImpClusterSim.Node.Ports;

namespace ImpClusterSim.Node.Runtime;

/// <summary>
/// The platform of one IM&amp;P or CUCM node: its Service Manager (services start and stop with durations drawn from
/// the run's seed), the actors of the services that are Started, the routing of network traffic to them, and the admin
/// CLI. The rules live in the Domain (<see cref="NodeServices"/>, <see cref="CliParser"/>); this actor only applies
/// them, keeps timers and sends what they decide.
/// </summary>
public sealed partial class NodePlatform : ReceiveActor, IWithTimers
{
    public const string Name = "platform";

    private readonly NodeContext _node;
    private readonly NodeSetup _setup;
    private readonly ServiceWorkers _workers;
    private readonly IRandomSource _durations;
    private readonly IRandomSource _replicationRandom;
    private readonly Dictionary<string, IActorRef> _running = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ServiceLoad> _loads = new(StringComparer.Ordinal);
    private readonly string _path;
    private NodeServices _services;
    private NodeDurableState _state;
    private readonly Domain.Time.SimInstant _startedAt;

    public ITimerScheduler Timers { get; set; } = null!;

    public NodePlatform(NodeContext node, NodeSetup setup, ServiceWorkers workers)
    {
        _node = node;
        _setup = setup;
        _workers = workers;
        _durations = node.Random("service-durations");
        _replicationRandom = node.Random("replication");
        _path = Self.Path.ToStringWithoutAddress();
        _active = Domain.Settings.NodeActiveSettings.Empty(node.NodeName);
        _startedAt = node.Clock.Now;
        _services = NodeServices.Create(setup.Catalogue, setup.Node, started: false);
        if (!node.Disk.TryGet(NodeDurableState.DiskKey, out _state!))
        {
            // First boot: the node is installed now, with self-signed certificates valid from its own clock.
            _state = NodeDurableState.Installed(setup, node.Clock.Now.ToDateTime());
            node.Disk.Put(NodeDurableState.DiskKey, _state);
        }

        // Network traffic for the platform's own parts first (the order of these matters), then to the services.
        ReceiveReplication();
        ReceiveTls();
        ReceiveIntercluster();
        ReceiveCertificateImportTool();
        Receive<NetworkEnvelope>(Route);

        ReceiveServices();
        ReceiveCertificates();
        ReceiveSettings();
        ReceiveFips();
        ReceiveBanner();
        Receive<CucmOperation>(OnCucmOperation);
        Receive<CliRequest>(r => r.ReplyTo.Tell(new CliReply(_node.NodeName, r.Line, Cli(r.Line))));
    }

    private void ReceiveServices()
    {
        Receive<ToService>(m =>
        {
            if (_running.TryGetValue(m.Service, out var worker)) worker.Forward(m.Message);
        });
        Receive<ServiceControl>(c => Reply(c.ReplyTo, new ServiceControlReply(_node.NodeName, Apply(c.Command))));
        Receive<ServiceCommand>(c => Apply(c));
        Receive<QueryServices>(q => q.ReplyTo.Tell(new ServicesSnapshot(_node.NodeName, _services)));
    }

    private void ReceiveBanner()
    {
        Receive<UploadLoginBanner>(u =>
        {
            var result = _state.Banner.Upload(u.FileName, u.Content.AsSpan());
            if (result.Accepted) Persist(_state with { Banner = result.State });
            _node.Record(_path, "banner-upload", ("file", u.FileName), ("accepted", result.Accepted ? "yes" : "no"));
            u.ReplyTo.Tell(new AdminReply(_node.NodeName, u.MenuPath, result.Accepted, result.Messages));
        });
        Receive<OpenLoginPage>(p => p.ReplyTo.Tell(new LoginPage(_node.NodeName, p.Interface, p.Phase, _state.Banner.ShownOn(p.Interface, p.Phase))));
    }

    /// <summary>
    /// A disk fault: a write failed (<see cref="DiskWriteFailedException"/>), so the change being persisted was never
    /// made (<see cref="Persist"/> writes before it changes anything in memory). An administrator's operation is refused
    /// with the error; anything else (a replicated change, a sync's imports) is traced and tried again by its own retry.
    /// </summary>
    protected override bool AroundReceive(Receive receive, object message)
    {
        try
        {
            return base.AroundReceive(receive, message);
        }
        catch (DiskWriteFailedException failed)
        {
            _node.Record(_path, "disk-write-failed", ("message", message.GetType().Name), ("key", failed.Key));
            var text = $"The operation failed: {_node.NodeName} could not write to its disk (I/O error). Nothing was changed.";
            switch (message)
            {
                case AdminOperation op:
                    op.ReplyTo.Tell(new AdminReply(_node.NodeName, op.MenuPath, false, [text]));
                    break;
                case CliRequest r:
                    r.ReplyTo.Tell(new CliReply(_node.NodeName, r.Line, text));
                    break;
            }
            return true;
        }
    }

    protected override void PreStart()
    {
        Boot();
        StartReplication();
        StartPeerStatusPanel();
    }

    public static Props Props(NodeContext node, NodeSetup setup, ServiceWorkers workers) =>
        Akka.Actor.Props.Create(() => new NodePlatform(node, setup, workers));

    /// <summary>Keeps an accepted change: on disk first (one atomic write), then in memory.</summary>
    private void Persist(NodeDurableState next)
    {
        _node.Disk.Put(NodeDurableState.DiskKey, next);
        _state = next;
    }

    private void Route(NetworkEnvelope e)
    {
        if (!PlatformRunning) return; // rebooting or halted: nothing answers
        if (_running.TryGetValue(e.ToService, out var worker)) worker.Forward(e);
        else _node.Network.Send(e.ToService, e.FromNode, e.FromService, new ServiceUnavailable(e.ToService, e.Payload));
    }

    private ServiceReply Apply(ServiceCommand command)
    {
        var result = _services.Apply(command, range => range.Draw(_durations.NextDouble));
        _services = result.State;
        foreach (var e in result.Events)
        {
            switch (e)
            {
                case CompletionDue due:
                    Timers.StartSingleTimer(KeyOf(due.Completion), due.Completion, due.After);
                    break;
                case ServiceStatusChanged changed:
                    OnStatusChanged(changed);
                    break;
            }
        }
        return result.Reply;
    }

    private void OnStatusChanged(ServiceStatusChanged changed)
    {
        _node.Record(_path, "service-status", ("service", changed.Service), ("status", changed.To.ToString()));
        if (changed.Service == ServiceNames.CiscoInterclusterSyncAgent && changed.From == ServiceStatus.Started) OnIcsaServiceChanged(false);
        if (changed.To == ServiceStatus.Started)
        {
            LoadSettings(changed.Service);
            var definition = _services.Find(changed.Service)!;
            var load = new ServiceLoad(definition, _setup, _state, _active);
            _loads[changed.Service] = load;
            _running[changed.Service] = Context.ActorOf(_workers.PropsFor(_node, load), ActorNameOf(changed.Service));
            if (changed.Service == ServiceNames.CiscoInterclusterSyncAgent) OnIcsaServiceChanged(true);
        }
        else if (_running.Remove(changed.Service, out var worker))
        {
            _loads.Remove(changed.Service);
            // Whatever the service was serving is interrupted: its actor and its volatile state are gone.
            Context.Stop(worker);
        }
    }

    private static void Reply(IActorRef? to, object message) => to?.Tell(message);

    private static string KeyOf(ServiceCommand completion) => completion switch
    {
        ServiceStartCompleted s => "start:" + s.Service,
        ServiceStopCompleted s => "stop:" + s.Service,
        _ => completion.GetType().Name,
    };

    private static string ActorNameOf(string service) =>
        string.Join('-', service.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
