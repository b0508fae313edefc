using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Akka.Actor;
using Akka.Configuration;
using ImpClusterSim.Node.Wire;

namespace ImpClusterSim.Live.Distributed;

/// <summary>
/// The host system of a coordinator or a worker: live mode's host HOCON (<see cref="LiveHocon.Host"/>: DotNetty TCP,
/// cluster membership, the start-up tuning) with the work protocol's serializer and one change to the Split Brain
/// Resolver: <c>keep-oldest</c> without <c>down-if-alone</c>, so the coordinator (the first member, the oldest) is
/// never the one downed; a worker cut off from it is downed and its leases go elsewhere. Roles:
/// <see cref="CoordinatorRole"/> and <see cref="WorkerRole"/>.
/// </summary>
public static class WorkHosting
{
    public const string CoordinatorRole = "coordinator";
    public const string WorkerRole = "worker";

    /// <summary>The coordinator actor's name: a worker reaches it at <c>akka.tcp://impsim@HOST:PORT/user/work-coordinator</c>.</summary>
    public const string CoordinatorName = "work-coordinator";

    /// <summary>Creates a host system bound to <paramref name="bind"/> with <paramref name="role"/>, joining <paramref name="seed"/> (null: a new cluster).</summary>
    /// <exception cref="HostPortException">The address cannot be bound (in use, not an address of this machine).</exception>
    public static ActorSystem Create(HostPort bind, string role, HostPort? seed, IEnumerable<IWireCodec> resultCodecs)
    {
        CheckBindable(bind);
        var seeds = seed is null ? Array.Empty<string>() : [LiveHocon.AddressOf(seed.Host, seed.Port)];
        // Akka's own logging is off: a coordinator's standard output is the command's answer (JSON with --json), and
        // the expected disassociations when workers leave would be printed as errors. What matters is reported by the actors.
        var host = LiveHocon.Host(new LiveHostSettings(bind.Host, bind.Port, seeds, [role], LogLevel: "OFF"));
        var overrides = ConfigurationFactory.ParseString("""
            akka.cluster.split-brain-resolver {
              active-strategy = keep-oldest
              keep-oldest { down-if-alone = off, role = "" }
            }
            akka.coordinated-shutdown.run-by-clr-shutdown-hook = off
            """)
            .WithFallback(ConfigurationFactory.ParseString(
                WireHocon.Bindings(typeof(WorkWireSerializer), WorkWireSerializer.SerializerId, new WorkRegistrySetup([]).Registry, "impsim-work")));
        var setup = BootstrapSetup.Create().WithConfig(overrides.WithFallback(host)).And(new WorkRegistrySetup(resultCodecs));
        try
        {
            var system = ActorSystem.Create(LiveHocon.SystemName, setup);
            if (seed is null) Akka.Cluster.Cluster.Get(system).Join(Akka.Cluster.Cluster.Get(system).SelfAddress);
            return system;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new HostPortException($"cannot listen on {bind}: {e.GetBaseException().Message}");
        }
    }

    /// <summary>The port a host system listens on (the one chosen when it was asked for port 0).</summary>
    public static int PortOf(ActorSystem system) => ((ExtendedActorSystem)system).Provider.DefaultAddress.Port ?? 0;

    /// <summary>Fails with a clear message when <paramref name="bind"/> cannot be listened on (in use, or not this machine's).</summary>
    public static void CheckBindable(HostPort bind)
    {
        if (bind.Port == 0) return;
        IPAddress address;
        if (!IPAddress.TryParse(bind.Host, out address!))
        {
            try
            {
                address = Dns.GetHostAddresses(bind.Host).FirstOrDefault() ?? throw new HostPortException($"'{bind.Host}' has no address");
            }
            catch (SocketException e)
            {
                throw new HostPortException($"cannot resolve '{bind.Host}': {e.Message}");
            }
        }

        var probe = new TcpListener(address, bind.Port);
        try
        {
            probe.Start();
        }
        catch (SocketException e)
        {
            var why = e.SocketErrorCode == SocketError.AddressAlreadyInUse ? "the port is in use" : e.Message;
            throw new HostPortException($"cannot listen on {bind}: {why}");
        }
        finally
        {
            probe.Stop();
        }
    }
}

/// <summary>A host and a TCP port, written <c>HOST:PORT</c> (<c>[::1]:25600</c> for IPv6).</summary>
public sealed record HostPort(string Host, int Port)
{
    public override string ToString() => (Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]" : Host) + ":" + Port.ToString(CultureInfo.InvariantCulture);

    /// <summary>True for 127.0.0.0/8, ::1 and <c>localhost</c>.</summary>
    public bool IsLoopback => Host == "localhost" || (IPAddress.TryParse(Host, out var a) && IPAddress.IsLoopback(a));

    /// <summary>Parses <c>HOST:PORT</c>; <paramref name="option"/> names the option in the error; port 0 only when <paramref name="allowAnyPort"/>.</summary>
    /// <exception cref="HostPortException">Not of that form, or the port is out of range.</exception>
    public static HostPort Parse(string text, string option, bool allowAnyPort)
    {
        var what = $"{option} '{text}'";
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || colon == text.Length - 1) throw new HostPortException($"{what} is not HOST:PORT (e.g. 127.0.0.1:25600)");
        var host = text[..colon];
        if (host.StartsWith('[') && host.EndsWith(']')) host = host[1..^1];
        else if (host.Contains(':', StringComparison.Ordinal)) throw new HostPortException($"{what}: write an IPv6 address in brackets, e.g. [::1]:25600");
        if (host.Length == 0 || host.Any(c => char.IsWhiteSpace(c) || c is '/' or '@' or '"' or '\\'))
            throw new HostPortException($"{what}: '{host}' is not a host name or IP address");
        if (!int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535 || (port == 0 && !allowAnyPort))
            throw new HostPortException($"{what}: the port must be a number from {(allowAnyPort ? 0 : 1)} to 65535");
        return new HostPort(host, port);
    }
}

/// <summary>An address that is malformed or cannot be listened on (the command exits with 2).</summary>
public sealed class HostPortException(string message) : Exception(message);
