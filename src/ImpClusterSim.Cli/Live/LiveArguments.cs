using System.Globalization;
using ImpClusterSim.Cli.Common;
using ImpClusterSim.Cli.Run;
using ImpClusterSim.Domain.Topology;

namespace ImpClusterSim.Cli.Live;

/// <summary>Checks shared by `impsim node` and `impsim live`: topology by file or embedded name, ports, speed.</summary>
internal static class LiveArguments
{
    /// <summary>A topology file, or the name of an embedded one (default, two-clusters, lab).</summary>
    public static Deployment Topology(string argument) =>
        File.Exists(argument) ? RunCommand.LoadTopology(new FileInfo(argument))
        : TopologyLoader.EmbeddedNames.Contains(argument) ? TopologyLoader.LoadEmbedded(argument)
        : throw new UsageException($"--topology '{argument}': no such file, and not an embedded topology ({string.Join(", ", TopologyLoader.EmbeddedNames)})");

    public static void Port(string option, int port, int following = 0)
    {
        if (port < 1024 || port + following > 65535)
            throw new UsageException($"{option} {port.ToString(CultureInfo.InvariantCulture)} is out of range (1024 to {(65535 - following).ToString(CultureInfo.InvariantCulture)}{(following > 0 ? $" for {following + 1} ports" : "")})");
    }

    /// <summary>A new <c>--speed</c> option: 0.01 to 10000 virtual seconds per wall second, checked while parsing (<see cref="NumberOptions"/>).</summary>
    public static System.CommandLine.Option<double> SpeedOption(string description, double defaultValue) =>
        NumberOptions.Decimal("--speed", description, defaultValue, 0.01, 10_000, " virtual seconds per wall second");

    public static IReadOnlyList<string> SeedNodes(string? list, string self)
    {
        if (string.IsNullOrWhiteSpace(list)) return [self];
        var seeds = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var s in seeds)
        {
            if (!Uri.TryCreate(s, UriKind.Absolute, out var uri) || uri.Scheme is not ("akka.tcp" or "akka.ssl.tcp") || uri.UserInfo != ImpClusterSim.Live.LiveHocon.SystemName || uri.Port <= 0)
                throw new UsageException($"--seed-nodes: '{s}' is not an address like akka.tcp://{ImpClusterSim.Live.LiveHocon.SystemName}@HOST:PORT (akka.ssl.tcp:// with --tls)");
        }
        return seeds;
    }
}
