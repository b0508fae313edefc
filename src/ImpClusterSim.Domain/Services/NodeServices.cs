using System.Collections.Immutable;
using ImpClusterSim.Domain.Topology;

namespace ImpClusterSim.Domain.Services;

/// <summary>
/// The services of one node, as an immutable value: <see cref="Apply"/> returns a new state, the events (status
/// changes and completions to schedule) and a reply. Durations are drawn through the function passed to
/// <see cref="Apply"/>, so the actor feeds the run's seeded random source. Rules (domain facts 3.1.4):
/// stopping the Cisco XCP Router stops the XCP services with it and they stay stopped when the router is started
/// again; restarting the router restarts the XCP services that were active, which start again once it is Started.
/// An XCP service started while the router is not Started stays Starting until the router is Started. On an IM&amp;P
/// subscriber the Cisco Replication Watcher holds feature services Starting until IDS replication with the publisher is
/// established (Deployment Guide for IM and Presence 9.1(1), "Cisco Replication Watcher service"; the publisher's
/// timeout-bounded delay is not modelled).
/// </summary>
public sealed class NodeServices
{
    private readonly ImmutableSortedDictionary<string, ServiceState> _states;

    private NodeServices(NodeKind product, ImmutableArray<ServiceDefinition> definitions, ImmutableSortedDictionary<string, ServiceState> states,
        bool replicationWatched = false, bool replicationEstablished = true)
    {
        Product = product;
        Definitions = definitions;
        _states = states;
        ReplicationWatched = replicationWatched;
        ReplicationEstablished = replicationEstablished;
    }

    /// <summary>True on an IM&amp;P subscriber: its feature services wait for IDS replication (the Replication Watcher).</summary>
    public bool ReplicationWatched { get; }

    /// <summary>Whether IDS replication with the publisher is established (always true where it is not watched).</summary>
    public bool ReplicationEstablished { get; }

    public NodeKind Product { get; }

    /// <summary>The node's services, in display order.</summary>
    public ImmutableArray<ServiceDefinition> Definitions { get; }

    /// <summary>Every service's state, in display order.</summary>
    public IEnumerable<ServiceState> States => Definitions.Select(d => _states[d.Name]);

    /// <summary>
    /// The services of <paramref name="node"/> from the catalogue: all Started (a node in steady state) or, with
    /// <paramref name="started"/> false, all Stopped ("Component is not running"; apply <see cref="BootNode"/>).
    /// <paramref name="notActivated"/> lists feature services left unactivated.
    /// </summary>
    public static NodeServices Create(ServiceCatalogue catalogue, NodeSpec node, bool started = true, IEnumerable<string>? notActivated = null)
    {
        var definitions = catalogue.ForNode(node);
        var off = (notActivated ?? []).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var states = definitions.ToImmutableSortedDictionary(
            d => d.Name,
            d => off.Contains(d.Name) && d.Category == ServiceCategory.Feature
                ? new ServiceState(d.Name, ServiceStatus.Stopped, StoppedReason.NotActivated)
                : started ? new ServiceState(d.Name, ServiceStatus.Started) : new ServiceState(d.Name, ServiceStatus.Stopped, StoppedReason.NotRunning),
            StringComparer.Ordinal);
        var watched = node.Kind == NodeKind.Imp && !node.IsPublisher;
        return new NodeServices(node.Kind, definitions, states, watched, replicationEstablished: !watched || started);
    }

    /// <summary>The definition of a service on this node, by name (case-insensitive), or null.</summary>
    public ServiceDefinition? Find(string name) =>
        Definitions.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase));

    public ServiceState this[string name] =>
        Find(name) is { } d ? _states[d.Name] : throw new KeyNotFoundException($"service '{name}' does not run on this node");

    public ServiceStatus StatusOf(string name) => this[name].Status;

    public ServicesResult Apply(ServiceCommand command, Func<DurationRange, TimeSpan> draw)
    {
        var tx = new Transaction(this, draw);
        var reply = command switch
        {
            BootNode => tx.Boot(),
            ShutDownNode => tx.ShutDown(),
            StartService c => tx.WithService(c.Service, tx.Start),
            StopService c => tx.WithService(c.Service, tx.Stop),
            RestartService c => tx.WithService(c.Service, tx.Restart),
            ActivateService c => tx.WithService(c.Service, tx.Activate),
            DeactivateService c => tx.WithService(c.Service, tx.Deactivate),
            ServiceStartCompleted c => tx.WithService(c.Service, d => tx.StartCompleted(d, c.Epoch)),
            ServiceStopCompleted c => tx.WithService(c.Service, d => tx.StopCompleted(d, c.Epoch)),
            ReplicationStateChanged c => tx.Replication(c.Established),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command, "unknown service command"),
        };
        return new ServicesResult(tx.Result(), tx.Events, reply);
    }

    /// <summary>Accumulates the changes of one command.</summary>
    private sealed class Transaction(NodeServices origin, Func<DurationRange, TimeSpan> draw)
    {
        private readonly ImmutableSortedDictionary<string, ServiceState>.Builder _states = origin._states.ToBuilder();
        private readonly ImmutableArray<ServiceEvent>.Builder _events = ImmutableArray.CreateBuilder<ServiceEvent>();
        private bool _established = origin.ReplicationEstablished;

        public ImmutableArray<ServiceEvent> Events => _events.ToImmutable();

        public NodeServices Result() => new(origin.Product, origin.Definitions, _states.ToImmutable(), origin.ReplicationWatched, _established);

        private bool HeldByReplicationWatcher(ServiceDefinition d) =>
            origin.ReplicationWatched && !_established && d.Category == ServiceCategory.Feature;

        public ServiceReply Replication(bool established)
        {
            if (!origin.ReplicationWatched || established == _established) return new ServiceReply(ServiceCommandOutcome.Ignored, "");
            _established = established;
            if (!established) return new ServiceReply(ServiceCommandOutcome.Accepted, "");
            var released = ImmutableArray.CreateBuilder<string>();
            foreach (var d in origin.Definitions.Where(d => _states[d.Name].WaitingForReplication))
            {
                Set(d, _states[d.Name] with { Status = ServiceStatus.Started, Reason = StoppedReason.None, WaitingForReplication = false });
                released.Add(d.Name);
            }
            if (released.Count > 0) _events.Add(new ReplicationEstablished(released.ToImmutable()));
            return new ServiceReply(ServiceCommandOutcome.Accepted, "");
        }

        public ServiceReply WithService(string name, Func<ServiceDefinition, ServiceCommandOutcome> action) =>
            origin.Find(name) is { } d ? new ServiceReply(action(d), d.Name) : new ServiceReply(ServiceCommandOutcome.UnknownService, name);

        private ServiceDefinition? Router => origin.Definitions.FirstOrDefault(d => d.Name == ServiceNames.CiscoXcpRouter);

        private IEnumerable<ServiceDefinition> XcpDependents => origin.Definitions.Where(d => d.StopsAndStartsWithXcpRouter);

        private bool RouterStarted => Router is { } r && _states[r.Name].Status == ServiceStatus.Started;

        public ServiceCommandOutcome Start(ServiceDefinition d)
        {
            var s = _states[d.Name];
            switch (s.Status)
            {
                case ServiceStatus.Stopped when !s.IsActivated:
                    return ServiceCommandOutcome.NotActivated;
                case ServiceStatus.Stopped:
                    BeginStart(d);
                    return ServiceCommandOutcome.Accepted;
                case ServiceStatus.Stopping:
                    _states[d.Name] = s with { StartWhenStopped = true };
                    return ServiceCommandOutcome.Accepted;
                default:
                    return ServiceCommandOutcome.AlreadyStarted;
            }
        }

        public ServiceCommandOutcome Stop(ServiceDefinition d)
        {
            var s = _states[d.Name];
            switch (s.Status)
            {
                case ServiceStatus.Stopped:
                    if (s.Reason == StoppedReason.NotRunning) _states[d.Name] = s with { Reason = StoppedReason.CommandedOutOfService };
                    return ServiceCommandOutcome.AlreadyStopped;
                case ServiceStatus.Stopping:
                    _states[d.Name] = s with { StartWhenStopped = false, Reason = StoppedReason.CommandedOutOfService };
                    return ServiceCommandOutcome.Accepted;
                default:
                    BeginStop(d, StoppedReason.CommandedOutOfService, startWhenStopped: false);
                    if (d.Name == ServiceNames.CiscoXcpRouter)
                    {
                        // Stopping the router takes the XCP services down; a later start of the router leaves them stopped.
                        foreach (var dep in XcpDependents.Where(x => _states[x.Name].IsActive))
                            BeginStop(dep, StoppedReason.NotRunning, startWhenStopped: false);
                    }

                    return ServiceCommandOutcome.Accepted;
            }
        }

        public ServiceCommandOutcome Restart(ServiceDefinition d)
        {
            var s = _states[d.Name];
            if (s.Status == ServiceStatus.Stopped && !s.IsActivated) return ServiceCommandOutcome.NotActivated;
            if (d.Name == ServiceNames.CiscoXcpRouter)
            {
                // A restart brings back the XCP services that were active: they stop now and start once the router is Started.
                foreach (var dep in XcpDependents.Where(x => _states[x.Name] is { IsActive: true, WaitingForXcpRouter: false }))
                    BeginStop(dep, StoppedReason.NotRunning, startWhenStopped: true);
            }

            switch (s.Status)
            {
                case ServiceStatus.Stopped:
                    BeginStart(d);
                    break;
                case ServiceStatus.Stopping:
                    _states[d.Name] = s with { StartWhenStopped = true };
                    break;
                default:
                    BeginStop(d, StoppedReason.NotRunning, startWhenStopped: true);
                    break;
            }

            return ServiceCommandOutcome.Accepted;
        }

        public ServiceCommandOutcome Activate(ServiceDefinition d)
        {
            var s = _states[d.Name];
            if (s.IsActivated) return ServiceCommandOutcome.AlreadyStarted;
            _states[d.Name] = s with { Reason = StoppedReason.None };
            BeginStart(d);
            return ServiceCommandOutcome.Accepted;
        }

        public ServiceCommandOutcome Deactivate(ServiceDefinition d)
        {
            if (d.Category == ServiceCategory.Network) return ServiceCommandOutcome.CannotDeactivateNetworkService;
            var s = _states[d.Name];
            switch (s.Status)
            {
                case ServiceStatus.Stopped:
                    if (!s.IsActivated) return ServiceCommandOutcome.AlreadyStopped;
                    _states[d.Name] = s with { Reason = StoppedReason.NotActivated };
                    return ServiceCommandOutcome.Accepted;
                case ServiceStatus.Stopping:
                    _states[d.Name] = s with { Reason = StoppedReason.NotActivated, StartWhenStopped = false };
                    return ServiceCommandOutcome.Accepted;
                default:
                    BeginStop(d, StoppedReason.NotActivated, startWhenStopped: false);
                    return ServiceCommandOutcome.Accepted;
            }
        }

        public ServiceCommandOutcome StartCompleted(ServiceDefinition d, long epoch)
        {
            var s = _states[d.Name];
            if (s.Status != ServiceStatus.Starting || s.Epoch != epoch || s.WaitingForXcpRouter || s.WaitingForReplication) return ServiceCommandOutcome.Ignored;
            if (HeldByReplicationWatcher(d))
            {
                _states[d.Name] = s with { WaitingForReplication = true };
                _events.Add(new FeatureStartDelayed(d.Name));
                return ServiceCommandOutcome.Accepted;
            }
            Set(d, s with { Status = ServiceStatus.Started, Reason = StoppedReason.None });
            if (d.Name == ServiceNames.CiscoXcpRouter)
            {
                foreach (var dep in XcpDependents.Where(x => _states[x.Name] is { Status: ServiceStatus.Starting, WaitingForXcpRouter: true }))
                {
                    var w = _states[dep.Name] with { WaitingForXcpRouter = false };
                    _states[dep.Name] = w;
                    _events.Add(new CompletionDue(new ServiceStartCompleted(dep.Name, w.Epoch), draw(dep.StartDuration)));
                }
            }

            return ServiceCommandOutcome.Accepted;
        }

        public ServiceCommandOutcome StopCompleted(ServiceDefinition d, long epoch)
        {
            var s = _states[d.Name];
            if (s.Status != ServiceStatus.Stopping || s.Epoch != epoch) return ServiceCommandOutcome.Ignored;
            Set(d, s with { Status = ServiceStatus.Stopped, StartWhenStopped = false });
            if (s.StartWhenStopped && s.Reason != StoppedReason.NotActivated) BeginStart(d);
            return ServiceCommandOutcome.Accepted;
        }

        public ServiceReply Boot()
        {
            // The router first, so that the XCP services see it Starting and wait for it.
            foreach (var d in origin.Definitions.OrderBy(d => d.Name == ServiceNames.CiscoXcpRouter ? 0 : 1))
            {
                var s = _states[d.Name];
                if (s.IsActivated && s.Status != ServiceStatus.Started) BeginStart(d);
            }

            return new ServiceReply(ServiceCommandOutcome.Accepted, "");
        }

        public ServiceReply ShutDown()
        {
            foreach (var d in origin.Definitions)
            {
                var s = _states[d.Name];
                var reason = s.IsActivated ? StoppedReason.NotRunning : StoppedReason.NotActivated;
                Set(d, s with { Status = ServiceStatus.Stopped, Reason = reason, Epoch = s.Epoch + 1, StartWhenStopped = false, WaitingForXcpRouter = false, WaitingForReplication = false });
            }
            if (origin.ReplicationWatched) _established = false;

            return new ServiceReply(ServiceCommandOutcome.Accepted, "");
        }

        private void BeginStart(ServiceDefinition d)
        {
            var s = _states[d.Name];
            var waits = d.StopsAndStartsWithXcpRouter && !RouterStarted;
            var next = s with { Status = ServiceStatus.Starting, Reason = StoppedReason.None, Epoch = s.Epoch + 1, StartWhenStopped = false, WaitingForXcpRouter = waits, WaitingForReplication = false };
            Set(d, next);
            if (!waits) _events.Add(new CompletionDue(new ServiceStartCompleted(d.Name, next.Epoch), draw(d.StartDuration)));
        }

        private void BeginStop(ServiceDefinition d, StoppedReason reason, bool startWhenStopped)
        {
            var s = _states[d.Name];
            var next = s with { Status = ServiceStatus.Stopping, Reason = reason, Epoch = s.Epoch + 1, StartWhenStopped = startWhenStopped, WaitingForXcpRouter = false, WaitingForReplication = false };
            Set(d, next);
            _events.Add(new CompletionDue(new ServiceStopCompleted(d.Name, next.Epoch), draw(d.StopDuration)));
        }

        private void Set(ServiceDefinition d, ServiceState next)
        {
            var before = _states[d.Name].Status;
            _states[d.Name] = next;
            if (before != next.Status) _events.Add(new ServiceStatusChanged(d.Name, before, next.Status));
        }
    }
}
