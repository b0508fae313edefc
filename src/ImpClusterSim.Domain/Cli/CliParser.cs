using System.Text.RegularExpressions;

namespace ImpClusterSim.Domain.Cli;

/// <summary>
/// Parses one admin CLI line into a <see cref="CliCommand"/>. Keywords are case-insensitive; a service name is the
/// full display name ("Cisco Intercluster Sync Agent"), matched case-insensitively against the node's services.
/// Refusals: an unknown command prints "Executed command unsuccessfully"; a known command with missing or wrong
/// arguments prints its usage first; an unknown service prints "Invalid service name: ..." first (wording chosen,
/// docs/domain.md).
/// </summary>
public static partial class CliParser
{
    public static readonly IReadOnlyList<string> ServiceUsage =
    [
        "utils service list [page]",
        "utils service start <service name>",
        "utils service stop <service name>",
        "utils service restart <service name>",
    ];

    public static readonly IReadOnlyList<string> CertUsage =
    [
        "show cert list own|trust",
        "show cert own <unit>/<unit>.pem",
        "set cert regen <unit>",
    ];

    public static readonly IReadOnlyList<string> FipsUsage = ["utils fips enable|disable|status"];

    public static readonly IReadOnlyList<string> DbReplicationUsage = ["utils dbreplication runtimestate"];

    public static readonly IReadOnlyList<string> NetworkUsage = ["show network cluster"];

    [GeneratedRegex("^([A-Za-z0-9-]+)/([A-Za-z0-9-]+)\\.pem$", RegexOptions.CultureInvariant)]
    private static partial Regex PemFile();

    [GeneratedRegex("^[A-Za-z0-9-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex UnitName();

    public static CliParseResult Parse(string line, IEnumerable<string> serviceNames)
    {
        var words = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return CliParseResult.Ok(new EmptyCommand());
        var w = words.Select(x => x.ToLowerInvariant()).ToArray();

        return w switch
        {
            ["quit" or "exit"] => CliParseResult.Ok(new QuitCommand()),
            ["utils", "service", "list"] => CliParseResult.Ok(new ServiceListCommand(false)),
            ["utils", "service", "list", "page"] => CliParseResult.Ok(new ServiceListCommand(true)),
            ["utils", "service", "start" or "stop" or "restart", _, ..] => ServiceControl(words, serviceNames),
            ["utils", "service", ..] => Usage(ServiceUsage),
            ["show", "cert", "list", "own"] => CliParseResult.Ok(new ShowCertListCommand(CertListKind.Own)),
            ["show", "cert", "list", "trust"] => CliParseResult.Ok(new ShowCertListCommand(CertListKind.Trust)),
            ["show", "cert", "own", _] => CertOwn(words[3]),
            ["set", "cert", "regen", _] when UnitName().IsMatch(words[3]) => CliParseResult.Ok(new SetCertRegenCommand(words[3])),
            ["show" or "set", "cert", ..] => Usage(CertUsage),
            ["utils", "dbreplication", "runtimestate"] => CliParseResult.Ok(new DbReplicationRuntimeStateCommand()),
            ["utils", "dbreplication", ..] => Usage(DbReplicationUsage),
            ["utils", "fips", "enable"] => CliParseResult.Ok(new FipsCommand(FipsAction.Enable)),
            ["utils", "fips", "disable"] => CliParseResult.Ok(new FipsCommand(FipsAction.Disable)),
            ["utils", "fips", "status"] => CliParseResult.Ok(new FipsCommand(FipsAction.Status)),
            ["utils", "fips", ..] => Usage(FipsUsage),
            ["show", "network", "cluster"] => CliParseResult.Ok(new ShowNetworkClusterCommand()),
            ["show", "network", ..] => Usage(NetworkUsage),
            _ => CliParseResult.Fail(CliText.ExecutedUnsuccessfully),
        };
    }

    private static CliParseResult ServiceControl(string[] words, IEnumerable<string> serviceNames)
    {
        var action = Enum.Parse<ServiceAction>(words[2], ignoreCase: true);
        var requested = string.Join(' ', words.Skip(3));
        var service = serviceNames.FirstOrDefault(s => string.Equals(s, requested, StringComparison.OrdinalIgnoreCase));
        return service is null
            ? CliParseResult.Fail(CliText.Lines($"Invalid service name: {requested}", CliText.ExecutedUnsuccessfully))
            : CliParseResult.Ok(new ServiceControlCommand(action, service));
    }

    private static CliParseResult CertOwn(string file)
    {
        var m = PemFile().Match(file);
        return m.Success && m.Groups[1].Value == m.Groups[2].Value
            ? CliParseResult.Ok(new ShowCertOwnCommand(m.Groups[1].Value))
            : Usage(CertUsage);
    }

    private static CliParseResult Usage(IReadOnlyList<string> usage) =>
        CliParseResult.Fail(CliText.Lines(["Incomplete or invalid command. Usage:", .. usage.Select(u => "  " + u), CliText.ExecutedUnsuccessfully]));

    /// <summary>Reads an answer to a yes/no prompt: true for "yes"/"y", false for "no"/"n", null otherwise (ask again).</summary>
    public static bool? ParseYesNo(string answer) => answer.Trim().ToLowerInvariant() switch
    {
        "yes" or "y" => true,
        "no" or "n" => false,
        _ => null,
    };
}
