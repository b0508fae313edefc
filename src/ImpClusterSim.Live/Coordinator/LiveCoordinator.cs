using System.Globalization;
using Akka.Actor;
using Akka.Cluster;
using ImpClusterSim.Live.Control;
using ImpClusterSim.Live.Network;
using ImpClusterSim.Live.Ports;

namespace ImpClusterSim.Live.Coordinator;

/// <summary>
/// Starts and drives a live deployment on this machine: its own cluster member (role <c>coordinator</c>, the seed, on
/// the base port) and one <c>impsim node</c> process per node of the topology; waits for every member to be Up;
/// kills (<c>kill -9</c>) and restarts node processes; sets link rules and skew; asks nodes questions with a bound.
/// <see cref="DisposeAsync"/> stops every process it started, whatever happened (unless <see cref="Keep"/>).
/// </summary>
public sealed class LiveCoordinator : IAsyncDisposable
{
    public static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(10);

    private readonly Dictionary<string, LiveNodeProcess> _processes = new(StringComparer.Ordinal);
    private readonly NodeDirectory _directory = new();
    private readonly System.Diagnostics.Stopwatch _startClock = new();
    private readonly Dictionary<string, (TimeSpan? Joining, TimeSpan? Up)> _timeline = new(StringComparer.Ordinal);

    private LiveCoordinator(LiveDeploymentOptions options, ActorSystem system)
    {
        Options = options;
        System = system;
    }

    public LiveDeploymentOptions Options { get; }

    public ActorSystem System { get; }

    /// <summary>The run's time, shared with every node process (same epoch, same speed); null until <see cref="StartServicesAsync"/>.</summary>
    public LiveTime? Time { get; private set; }

    /// <summary>Leave the node processes running when disposed (for <c>impsim shell --connect</c>).</summary>
    public bool Keep { get; set; }

    public IReadOnlyDictionary<string, LiveNodeProcess> Processes => _processes;

    public string Address => LiveHocon.AddressOf(Options.Hostname, Options.BasePort, Options.TlsDirectory is not null);

    /// <summary>
    /// Starts the coordinator's member and every node process, and waits until every node is an Up member (at most
    /// <see cref="LiveDeploymentOptions.UpWithin"/>). On failure every started process is killed before the exception
    /// (a <see cref="LiveStartException"/> naming the nodes not Up and the tail of their output) leaves.
    /// </summary>
    public static async Task<LiveCoordinator> StartAsync(LiveDeploymentOptions options)
    {
        var tls = options.TlsDirectory is { } dir ? LiveTls.FilesFor(dir, "coordinator") : null;
        var settings = new LiveHostSettings(options.Hostname, options.BasePort, [LiveHocon.AddressOf(options.Hostname, options.BasePort, tls is not null)], ["coordinator"], tls, "ERROR");
        var system = LiveHocon.CreateHostSystem(settings);
        var coordinator = new LiveCoordinator(options, system);
        try
        {
            NodeDirectory.Follow(system, coordinator._directory);
            var seedNodes = coordinator.SeedNodesForNodes();
            coordinator._startClock.Restart();
            foreach (var node in options.Nodes)
            {
                var process = new LiveNodeProcess(node.Name, options.PortOf(node.Name), options.Launch, coordinator.ArgumentsFor(node.Name, seedNodes));
                coordinator._processes[node.Name] = process;
                process.Start();
            }
            await coordinator.WaitUntilUpAsync(options.Nodes.Select(n => n.Name).ToArray(), options.UpWithin);
            return coordinator;
        }
        catch
        {
            await coordinator.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Starts the run: every node starts its services with virtual time <paramref name="origin"/> at the wall instant
    /// now, the same epoch everywhere. Each node answers before this completes.
    /// </summary>
    public async Task<LiveTime> StartServicesAsync(Domain.Time.SimInstant origin)
    {
        var time = new LiveTime(origin, DateTimeOffset.UtcNow, Options.Speed);
        Time = time;
        await Task.WhenAll(UpNodes.Select(n => AskAsync<ControlAck>(n, new StartServices(time.Epoch.ToUnixTimeMilliseconds()))));
        return time;
    }

    /// <summary>The nodes that are Up, reachable members now.</summary>
    public IReadOnlyCollection<string> UpNodes => _directory.Current.Keys.ToArray();

    /// <summary>Waits until each of <paramref name="nodes"/> is an Up member; fails fast if one's process exits.</summary>
    public async Task WaitUntilUpAsync(IReadOnlyCollection<string> nodes, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            NoteTimeline();
            var up = _directory.Current;
            var missing = nodes.Where(n => !up.ContainsKey(n)).ToArray();
            if (missing.Length == 0) return;
            var dead = missing.Select(n => _processes.GetValueOrDefault(n)).Where(p => p is { IsRunning: false }).ToArray();
            if (dead.Length > 0)
                throw new LiveStartException($"node process {dead[0]!.Node} exited (code {dead[0]!.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "?"}) before it was Up:{Environment.NewLine}{dead[0]!.Tail}");
            if (DateTime.UtcNow > deadline)
                throw new LiveStartException($"not Up within {within.TotalSeconds:0} s: {string.Join(", ", missing)}" +
                    string.Concat(missing.Take(1).Select(n => $"{Environment.NewLine}last output of {n}:{Environment.NewLine}{_processes.GetValueOrDefault(n)?.Tail}")));
            await Task.Delay(50);
        }
    }

    /// <summary>
    /// Per node, the wall time from the start of the first node process until the coordinator first saw the node a
    /// member (Joining or later) and first saw it Up (null: not seen), as sampled while waiting for members to be Up
    /// (every 50 ms), for <c>impsim bench --live</c>.
    /// </summary>
    public IReadOnlyDictionary<string, (TimeSpan? Joining, TimeSpan? Up)> StartTimeline => _timeline;

    private void NoteTimeline()
    {
        var now = _startClock.Elapsed;
        foreach (var m in Cluster.Get(System).State.Members)
            if (NodeDirectory.NodeNameOf(m) is { } n && !_timeline.ContainsKey(n)) _timeline[n] = (now, null);
        foreach (var n in _directory.Current.Keys)
            if (_timeline.TryGetValue(n, out var t) && t.Up is null) _timeline[n] = (t.Joining, now);
            else if (!_timeline.ContainsKey(n)) _timeline[n] = (now, now);
    }

    /// <summary><c>kill -9</c> of the node's process.</summary>
    public void Kill(string node) => _processes[node].Kill();

    /// <summary>
    /// Starts the node's process again (same port, same SQLite file), waits until its new incarnation is an Up member
    /// (a new uid in the membership) and answers, and starts its services on the run's time.
    /// </summary>
    public async Task<NodeStatusReport> RestartAsync(string node, long previousIncarnation, TimeSpan within)
    {
        var oldMember = _directory.Current.GetValueOrDefault(node);
        _processes[node].Start();
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            if (!_processes[node].IsRunning)
                throw new LiveStartException($"node process {node} exited after its restart:{Environment.NewLine}{_processes[node].Tail}");
            if (_directory.Current.TryGetValue(node, out var member) && member != oldMember)
            {
                try
                {
                    var status = await AskAsync<NodeStatusReport>(node, new GetNodeStatus(), TimeSpan.FromSeconds(2));
                    if (status.Incarnation > previousIncarnation)
                    {
                        if (Time is { } time) await AskAsync<ControlAck>(node, new StartServices(time.Epoch.ToUnixTimeMilliseconds()));
                        return status;
                    }
                }
                catch (Exception e) when (e is AskTimeoutException or TaskCanceledException or LiveNodeUnreachableException)
                {
                    // The old incarnation's address may still be in view; ask again.
                }
            }
            if (DateTime.UtcNow > deadline)
                throw new LiveStartException($"{node} did not come back within {within.TotalSeconds:0} s:{Environment.NewLine}{_processes[node].Tail}");
            await Task.Delay(100);
        }
    }

    /// <summary>Asks the node's control actor (found at its Up member's address) and waits for the answer, at most <paramref name="timeout"/>.</summary>
    public async Task<T> AskAsync<T>(string node, object message, TimeSpan? timeout = null)
    {
        // The member's address; before it is Up (or once it is removed), the fixed address the coordinator started it at.
        var address = _directory.AddressOf(node)
            ?? (_processes.ContainsKey(node) ? Akka.Actor.Address.Parse(LiveHocon.AddressOf(Options.Hostname, Options.PortOf(node), Options.TlsDirectory is not null)) : null)
            ?? throw new LiveNodeUnreachableException($"{node} is not a member");
        var control = System.ActorSelection(new RootActorPath(address) / "user" / LiveControl.Name);
        return await control.Ask<T>(message, timeout ?? AskTimeout);
    }

    /// <summary>Sends the same link rules to every node that is Up (each answers before this completes).</summary>
    public async Task SetLinkRulesAsync(LinkRules rules) =>
        await Task.WhenAll(UpNodes.Select(n => AskAsync<ControlAck>(n, new SetLinkRules(rules))));

    /// <summary>
    /// Asks every node to leave and exit (bounded), kills those that do not, and leaves the cluster; with
    /// <see cref="Keep"/> the node processes are left running. Never throws.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (!Keep)
        {
            SaveOutputs();
            var running = _processes.Values.Where(p => p.IsRunning).ToArray();
            await Task.WhenAll(running.Select(async p =>
            {
                try
                {
                    await AskAsync<ControlAck>(p.Node, new ShutdownNode(), TimeSpan.FromSeconds(2));
                }
                catch (Exception)
                {
                    // Not answering: it is killed below.
                }
            }));
            await Task.WhenAll(running.Select(p => Task.Run(() => p.WaitOrKill(TimeSpan.FromSeconds(8)))));
            foreach (var p in _processes.Values) p.Dispose();
        }
        try
        {
            await CoordinatedShutdown.Get(System).Run(CoordinatedShutdown.ClrExitReason.Instance).WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception)
        {
            // Leaving is best effort; terminating is not.
        }
        await System.Terminate().WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    /// <summary>Each node process's output (what it wrote since it was first started, up to 1 MiB) to DATA/NODE.log.</summary>
    private void SaveOutputs()
    {
        foreach (var p in _processes.Values)
        {
            try
            {
                File.WriteAllText(Path.Combine(Options.DataDirectory, p.Node + ".log"), p.Output);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The logs are a help, not a result.
            }
        }
    }

    /// <summary>Nodes join through the coordinator first, then through the first node (so they can rejoin without it).</summary>
    private IReadOnlyList<string> SeedNodesForNodes() =>
        [Address, LiveHocon.AddressOf(Options.Hostname, Options.PortOf(Options.Nodes[0].Name), Options.TlsDirectory is not null)];

    private IReadOnlyList<string> ArgumentsFor(string node, IReadOnlyList<string> seedNodes)
    {
        var args = new List<string>
        {
            "node",
            Options.ScenarioPath is null ? "--topology" : "--scenario", Options.ScenarioPath ?? Options.TopologyArgument,
            "--name", node,
            "--hostname", Options.Hostname,
            "--port", Options.PortOf(node).ToString(CultureInfo.InvariantCulture),
            "--seed-nodes", string.Join(",", seedNodes),
            "--data", Options.DataDirectory,
            "--speed", Options.Speed.ToString("R", CultureInfo.InvariantCulture),
            "--wait-for-start",
            "--seed", Options.Seed.ToString(CultureInfo.InvariantCulture),
            "--quiet",
        };
        if (Options.TlsDirectory is { } tls) args.AddRange(["--tls", tls]);
        return args;
    }
}

/// <summary>A live deployment could not start or a node could not restart: the message says which node and why.</summary>
public sealed class LiveStartException(string message) : Exception(message);

/// <summary>A node is not an Up, reachable member: the coordinator cannot ask it anything.</summary>
public sealed class LiveNodeUnreachableException(string message) : Exception(message);
