using Akka.Actor;
using ImpClusterSim.Domain.Services;
using ImpClusterSim.Domain.Settings;
using ImpClusterSim.Node.Ports;
using ImpClusterSim.Node.Services;

namespace ImpClusterSim.Node.Runtime;

/// <summary>
/// The Service Manager of one IM&amp;P or CUCM node, its top actor (<c>/user/node</c>): it starts, stops and restarts the
/// node's services with durations drawn from the run's seed (the rules are the domain's <see cref="NodeServices"/>),
/// creates each service's actor when the service reaches Started and stops it when it leaves Started, tells resident
/// service actors when their service runs, boots and reboots the node (FIPS 140-2 mode changes, self-test halts), and
/// routes: network traffic to the service it is addressed to (refused at once, <see cref="ServiceUnavailable"/>, when
/// that service is not running), administrators' operations to the actor that owns them (the node's database, the
/// Intercluster Sync Agent, the Certificate Import Tool, a service), admin CLI lines to whoever answers them. It does
/// not know what a service does.
/// </summary>
public sealed partial class ServiceManager : ReceiveActor, IWithTimers
{
    private readonly NodeContext _node;
    private readonly NodeSetup _setup;
    private readonly ServiceWorkers _workers;
    private readonly IRandomSource _durations;
    private readonly Dictionary<string, IActorRef> _running = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, IActorRef> _residents = new(StringComparer.Ordinal);
    // Membership only (never iterated), by reference (an actor's ref is one object; Akka's own equality hashes its path).
    private readonly HashSet<IActorRef> _followsDatabase = new(ReferenceEqualityComparer.Instance);
    private readonly string _path;
    private readonly Domain.Time.SimInstant _startedAt;
    private readonly IActorRef _database;
    private IActorRef? _importTool;
    private NodeServices _services;
    private NodeDatabaseState _db;
    private NodeActiveSettings _active;

    public ITimerScheduler Timers { get; set; } = null!;

    public ServiceManager(NodeContext node, NodeSetup setup, ServiceWorkers workers)
    {
        _node = node;
        _setup = setup;
        _workers = workers;
        _durations = node.Random("service-durations");
        _path = Self.Path.ToStringWithoutAddress();
        _active = NodeActiveSettings.Empty(node.NodeName);
        _startedAt = node.Clock.Now;
        _services = NodeServices.Create(setup.Catalogue, setup.Node, started: false);
        _fips = NodeFipsState.Load(node.Disk);
        node.Views.FipsChanged();
        // First boot: the node is installed now, with self-signed certificates valid from its own clock.
        _db = NodeDatabaseState.LoadOrInstall(node.Disk, setup, node.Clock.Now.ToDateTime());
        _database = Context.ActorOf(NodeDatabase.Props(node, setup, _db), ActorNameOf(NodeDatabase.DisplayName));

        Receive<NetworkEnvelope>(Route);
        Receive<DatabaseChanged>(OnDatabaseChanged);
        Receive<ReplicationLinkChanged>(m => Apply(new ReplicationStateChanged(m.Up)));
        Receive<ToService>(OnToService);
        Receive<ServiceControl>(c => Reply(c.ReplyTo, new ServiceControlReply(_node.NodeName, Apply(c.Command))));
        Receive<ServiceCommand>(c => Apply(c));
        Receive<QueryServices>(q => q.ReplyTo.Tell(new ServicesSnapshot(_node.NodeName, _services)));
        Receive<QuerySettings>(q => q.ReplyTo.Tell(new SettingsSnapshot(_node.NodeName, _db.Settings, _active, _active.Pending(_db.Settings))));
        Receive<CliRequest>(OnCli);
        ReceiveBoot();

        // Administrators' operations, to the actor that owns them; while the platform reboots or is halted no page of the
        // node answers (its CLI says the same, OnCli), so nothing is applied.
        Receive<AdminOperation>(m => m.ReplyTo.Tell(new AdminReply(_node.NodeName, m.MenuPath, false, [PlatformNotAvailable])), _ => !PlatformRunning);
        Receive<CertificateOperation>(m => _database.Forward(m));
        Receive<QueryCertificates>(m => _database.Forward(m));
        Receive<UploadLoginBanner>(m => _database.Forward(m));
        Receive<OpenLoginPage>(m => _database.Forward(m));
        Receive<SettingsOperation>(m => _database.Forward(m));
        Receive<CucmOperation>(m => _database.Forward(m));
        Receive<RunSystemTroubleshooter>(m => _database.Forward(m));
        Receive<CertificateImportToolOperation>(m =>
        {
            if (_importTool is not null) _importTool.Forward(m);
            else m.ReplyTo.Tell(new AdminReply(_node.NodeName, m.MenuPath, false,
                [$"Cisco Unified CM IM and Presence Administration runs on the database publisher {_setup.Publisher.Name}"]));
        });
        Receive<InterclusterOperation>(m => ToResident(ServiceNames.CiscoInterclusterSyncAgent, m, () => m.ReplyTo.Tell(
            new AdminReply(_node.NodeName, m.MenuPath, false, ["Presence > Inter-Clustering is an IM and Presence Service page"]))));
        Receive<QueryPeerStatus>(m => ToResident(ServiceNames.CiscoInterclusterSyncAgent, m, () => { }));
        Receive<QueryPeerStates>(m => ToResident(ServiceNames.CiscoInterclusterSyncAgent, m, () => { }));
    }

    public static Props Props(NodeContext node, NodeSetup setup, ServiceWorkers workers) =>
        ActorFactory.Props(() => new ServiceManager(node, setup, workers));

    protected override void PreStart()
    {
        var resident = new ResidentSetup(_setup, _db, _database);
        foreach (var (service, factory) in _workers.Residents)
        {
            if (_services.Find(service) is null || factory(_node, resident) is not { } props) continue;
            _residents[service] = Start(props, service);
        }
        if (_setup.Node.IsImp && _setup.IsPublisher)
            _importTool = Start(CertificateImportToolService.Props(_node, resident), CertificateImportToolService.DisplayName);
        var routes = _node.Routes;
        routes.Set(Replication.Service, _database);
        if (_importTool is null) routes.Set(CertificateImportToolService.DisplayName, null); // only on an IM&P publisher: dropped elsewhere
        routes.PlatformRunning = PlatformRunning;
        routes.Open();
        Boot();
    }

    /// <summary>Its children are stopped with it: nothing is routed to them any more (a restarted manager fills the table again).</summary>
    protected override void PostStop()
    {
        _node.Routes.Close();
        base.PostStop();
    }

    private void ToResident(string service, object message, Action otherwise)
    {
        if (_residents.TryGetValue(service, out var actor)) actor.Forward(message);
        else otherwise();
    }

    /// <summary>
    /// Network traffic that reached this actor (in live mode all of it; in sim mode what arrived before the table was
    /// filled): routed by the table this actor keeps (<see cref="ServiceRoutes"/>).
    /// </summary>
    private void Route(NetworkEnvelope e) => _node.Routes.Deliver(e, Sender, _node.Network);

    /// <summary>A local message for a service: delivered if it runs; otherwise the sender (if any) hears it is not running.</summary>
    private void OnToService(ToService m)
    {
        if (_residents.TryGetValue(m.Service, out var resident)) resident.Forward(m.Message);
        else if (_running.TryGetValue(m.Service, out var worker)) worker.Forward(m.Message);
        else if (!Sender.IsNobody()) Sender.Tell(new ServiceUnavailable(m.Service, m.Message));
    }

    private void OnDatabaseChanged(DatabaseChanged changed)
    {
        _db = changed.State;
        foreach (var actor in _residents.Values)
            if (_followsDatabase.Contains(actor)) actor.Tell(changed);
        foreach (var actor in _running.Values)
            if (_followsDatabase.Contains(actor)) actor.Tell(changed);
        if (_importTool is { } tool && _followsDatabase.Contains(tool)) tool.Tell(changed);
    }

    /// <summary>
    /// Starts the actor of <paramref name="service"/>: network messages for the service are routed to it, and one that
    /// reads the database live (<see cref="IFollowsDatabase"/>) is told its changes.
    /// </summary>
    private IActorRef Start(Props props, string service)
    {
        var actor = Context.ActorOf(props, ActorNameOf(service));
        if (typeof(IFollowsDatabase).IsAssignableFrom(props.Type)) _followsDatabase.Add(actor);
        _node.Routes.Set(service, actor);
        return actor;
    }

    /// <summary>Stops the actor of a service that left Started: nothing is routed or told to it any more.</summary>
    private void Stop(string service, IActorRef actor)
    {
        _followsDatabase.Remove(actor);
        _node.Routes.Remove(service);
        Context.Stop(actor);
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
                case FeatureStartDelayed delayed:
                    _node.Record(_path, "alarm", ("name", "Cisco Replication Watcher"), ("service", delayed.Service),
                        ("detail", "feature service startup delayed until IDS replication is established"));
                    break;
                case ReplicationEstablished established:
                    _node.Record(_path, "replication-established", ("released", string.Join("; ", established.Released)));
                    break;
            }
        }
        return result.Reply;
    }

    private void OnStatusChanged(ServiceStatusChanged changed)
    {
        _node.Record(_path, "service-status", ("service", changed.Service), ("status", changed.To.ToString()));
        _residents.TryGetValue(changed.Service, out var resident);
        if (changed.To == ServiceStatus.Started)
        {
            var load = Load(changed.Service);
            if (resident is not null) resident.Tell(new ServiceRunning(changed.Service, load));
            else _running[changed.Service] = Start(_workers.PropsFor(_node, load), changed.Service);
        }
        else if (changed.From == ServiceStatus.Started)
        {
            if (resident is not null) resident.Tell(new ServiceRunning(changed.Service, null));
            // Whatever the service was serving is interrupted: its actor and its volatile state are gone.
            else if (_running.Remove(changed.Service, out var worker)) Stop(changed.Service, worker);
        }
    }

    /// <summary>A service reached Started: it loads the node's certificates and the saved settings it applies, as they are now.</summary>
    private ServiceLoad Load(string service)
    {
        // The node-to-node domain matters where cup-xmpp-s2s is presented: on the node that runs XMPP federation.
        var s2s = _setup.Node.IsFederation ? _db.Certificates.OwnCertificate(Pki.CertificateUnit.CupXmppS2s)?.Certificate : null;
        var names = s2s is null ? null : new XmppCertificateNames(s2s.SubjectCommonName, [.. s2s.DnsNames]);
        var loaded = _active.OnServiceStarted(service, _db.Settings, names);
        _active = loaded.State;
        return new ServiceLoad(_services.Find(service)!, _setup, _db, _active, _database) { Loaded = loaded.Events };
    }

    private static void Reply(IActorRef? to, object message) => to?.Tell(message);

    private static string KeyOf(ServiceCommand completion) => completion switch
    {
        ServiceStartCompleted s => "start:" + s.Service,
        ServiceStopCompleted s => "stop:" + s.Service,
        _ => completion.GetType().Name,
    };

    /// <summary>Actor names are the display name in lower-case words joined by '-', e.g. cisco-tomcat.</summary>
    internal static string ActorNameOf(string service) =>
        string.Join('-', service.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
