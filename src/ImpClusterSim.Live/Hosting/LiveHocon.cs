using System.Globalization;
using Akka.Configuration;
using ImpClusterSim.Domain.Time;
using ImpClusterSim.Live.Ports;
using ImpClusterSim.Node.Wire;

namespace ImpClusterSim.Live;

/// <summary>
/// The HOCON of a live process. The <b>host</b> system (named <see cref="SystemName"/>, the same in every process so
/// they form one Akka.Cluster) runs remoting over DotNetty TCP on a fixed port, cluster membership, the Split Brain
/// Resolver and the node messages' serializer. The <b>node</b> system (named after the node) runs the node's service
/// actors on the <see cref="ScaledScheduler"/>, with no remoting of its own. Choices and their reasons: docs/live.md.
/// </summary>
public static class LiveHocon
{
    public const string SystemName = "impsim";

    /// <summary>
    /// The host system's scheduler tick (wall time; Akka's default is 10 ms): timers of remoting and cluster (heartbeats
    /// every 1 s, gossip every 500 ms) fire up to one tick late, and so does a <see cref="Network.LinkRules"/> latency.
    /// </summary>
    public static readonly TimeSpan SchedulerTick = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// The thread pool's minimum worker count in a live process (was 16): enough that a busy start-up never starves
    /// the heartbeats, few enough that 20 processes starting on two cores do not keep dozens of threads runnable.
    /// </summary>
    public const int ReservedWorkers = 4;

    /// <summary>Largest message between processes (a certificate bundle is well under it): Akka's default 128 000 B is raised.</summary>
    public const int MaximumFrameBytes = 4 * 1024 * 1024;

    public static Config Host(LiveHostSettings s)
    {
        var seeds = string.Join(", ", s.SeedNodes.Select(Quote));
        var roles = string.Join(", ", s.Roles.Select(Quote));
        // With TLS the certificate and the peer validator come from LiveTls.SslSetup (DotNettySslSetup takes precedence).
        var tls = s.Tls is null ? "enable-ssl = false" : "enable-ssl = true";
        var hocon = $$"""
            akka {
              # Standard output is the command's (its table or --json document): Akka's log goes to standard error.
              loggers = ["{{StandardErrorLogger.ConfigName}}"]
              loglevel = {{s.LogLevel}}
              stdout-loglevel = OFF
              log-dead-letters = off
              log-dead-letters-during-shutdown = off
              actor.provider = cluster
              # Akka's scheduler thread wakes every tick, even with nothing due: 20 idle processes at the default 10 ms
              # burn a core between them (docs/live.md, "Start-up"). Remoting's and the cluster's timers are 500 ms or more.
              scheduler.tick-duration = {{SchedulerTick.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)}}ms
              remote {
                log-remote-lifecycle-events = off
                retry-gate-closed-for = 1s
                dot-netty.tcp {
                  hostname = {{Quote(s.BindHostname)}}
                  public-hostname = {{Quote(s.Hostname)}}
                  port = {{s.Port.ToString(CultureInfo.InvariantCulture)}}
                  maximum-frame-size = {{MaximumFrameBytes.ToString(CultureInfo.InvariantCulture)}}b
                  send-buffer-size = {{MaximumFrameBytes.ToString(CultureInfo.InvariantCulture)}}b
                  receive-buffer-size = {{MaximumFrameBytes.ToString(CultureInfo.InvariantCulture)}}b
                  {{tls}}
                }
              }
              cluster {
                seed-nodes = [{{seeds}}]
                roles = [{{roles}}]
                log-info = off
                # Start-up of many processes on a small machine (docs/live.md, "Start-up"): a join that got no answer
                # (a seed still starting) is retried after 1 s, not Akka's 10 s; gossip and leader actions every 500 ms.
                retry-unsuccessful-join-after = 1s
                seed-node-timeout = 2s
                periodic-tasks-initial-delay = 200ms
                gossip-interval = 500ms
                leader-actions-interval = 500ms
                downing-provider-class = "Akka.Cluster.SBR.SplitBrainResolverProvider, Akka.Cluster"
                split-brain-resolver {
                  active-strategy = keep-majority
                  stable-after = 10s
                  down-all-when-unstable = off
                }
                failure-detector {
                  acceptable-heartbeat-pause = 10s
                  threshold = 12.0
                }
                run-coordinated-shutdown-when-down = on
              }
              coordinated-shutdown {
                exit-clr = off
                run-by-clr-shutdown-hook = on
              }
            }
            """;
        return ConfigurationFactory.ParseString(hocon)
            .WithFallback(ConfigurationFactory.ParseString(WireHocon.Bindings(typeof(LiveWireSerializer), LiveWireSerializer.SerializerId, LiveCodecs.Registry)));
    }

    /// <summary>Creates the host system of <paramref name="settings"/>, with the TLS setup when it has TLS files.</summary>
    public static Akka.Actor.ActorSystem CreateHostSystem(LiveHostSettings settings)
    {
        // The node's services (key generation, TLS) and the host's heartbeats share the .NET thread pool: without
        // spare threads a busy start-up delays heartbeats past the failure detector's pause and the member is downed.
        ReserveThreads();
        var config = Host(settings);
        if (settings.Tls is null) return Akka.Actor.ActorSystem.Create(SystemName, config);
        var setup = Akka.Actor.BootstrapSetup.Create().WithConfig(config).And(LiveTls.SslSetup(settings.Tls));
        return Akka.Actor.ActorSystem.Create(SystemName, setup);
    }

    /// <summary>The node's own ActorSystem: local only, on scaled time.</summary>
    public static Config Node(LiveTime time, string logLevel = "WARNING") => ConfigurationFactory.ParseString($$"""
        impsim.live {
          speed = {{time.Speed.ToString("R", CultureInfo.InvariantCulture)}}
          epoch-unix-ms = {{time.Epoch.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}}
          origin-ticks = {{time.Origin.UtcTicks.ToString(CultureInfo.InvariantCulture)}}
        }
        akka {
          loggers = ["{{StandardErrorLogger.ConfigName}}"]
          loglevel = {{logLevel}}
          stdout-loglevel = OFF
          log-dead-letters = off
          log-dead-letters-during-shutdown = off
          scheduler.implementation = "{{typeof(ScaledScheduler).FullName}}, {{typeof(ScaledScheduler).Assembly.GetName().Name}}"
          coordinated-shutdown.run-by-clr-shutdown-hook = off
        }
        """);

    /// <summary>
    /// Raises the thread pool's minimum to <see cref="ReservedWorkers"/> so that a burst of work (key parsing, TLS)
    /// gets threads at once instead of waiting for the pool to add them, and Akka's heartbeats are not starved.
    /// </summary>
    public static void ReserveThreads()
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        if (workers < ReservedWorkers) ThreadPool.SetMinThreads(ReservedWorkers, Math.Max(io, ReservedWorkers));
    }

    /// <summary>Reads the run's time back from a node system's config (for the <see cref="ScaledScheduler"/>).</summary>
    public static LiveTime TimeOf(Config config) => new(
        new SimInstant(config.GetLong("impsim.live.origin-ticks")),
        DateTimeOffset.FromUnixTimeMilliseconds(config.GetLong("impsim.live.epoch-unix-ms")),
        config.GetDouble("impsim.live.speed"));

    /// <summary>
    /// The address of the host system listening at <paramref name="hostname"/>:<paramref name="port"/>:
    /// <c>akka.tcp://impsim@H:P</c>, or <c>akka.ssl.tcp://impsim@H:P</c> with TLS.
    /// </summary>
    public static string AddressOf(string hostname, int port, bool tls = false) =>
        $"{(tls ? "akka.ssl.tcp" : "akka.tcp")}://{SystemName}@{hostname}:{port.ToString(CultureInfo.InvariantCulture)}";

    private static string Quote(string s) => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}

/// <summary>
/// How a live process's host system joins: where it binds and how others reach it (<see cref="Hostname"/>, the
/// address in every member's view), its fixed <see cref="Port"/>, the seed nodes (addresses, e.g.
/// <c>akka.tcp://impsim@10.0.0.5:25520</c>), its roles, and TLS if any.
/// </summary>
public sealed record LiveHostSettings(
    string Hostname,
    int Port,
    IReadOnlyList<string> SeedNodes,
    IReadOnlyList<string> Roles,
    LiveTlsFiles? Tls = null,
    string LogLevel = "WARNING")
{
    /// <summary>The interface to bind: the hostname itself (loopback by default).</summary>
    public string BindHostname { get; init; } = Hostname;

    public string Address => LiveHocon.AddressOf(Hostname, Port, Tls is not null);
}

/// <summary>A PKCS#12 file holding the process's certificate and key (issued by the run's CA), and the CA it trusts.</summary>
public sealed record LiveTlsFiles(string PfxPath, string PfxPassword, string CaCertificatePemPath);
