namespace ImpClusterSim.Domain.Cli;

/// <summary>A parsed admin CLI command (see <see cref="CliParser"/>).</summary>
public abstract record CliCommand;

/// <summary>An empty line: the CLI prints the prompt again.</summary>
public sealed record EmptyCommand : CliCommand;

/// <summary><c>quit</c> or <c>exit</c>: ends the CLI session.</summary>
public sealed record QuitCommand : CliCommand;

/// <summary><c>utils service list [page]</c>.</summary>
public sealed record ServiceListCommand(bool Page) : CliCommand;

/// <summary><c>utils service start|stop|restart &lt;Service Name&gt;</c>; <see cref="Service"/> is the canonical display name.</summary>
public sealed record ServiceControlCommand(ServiceAction Action, string Service) : CliCommand;

/// <summary><c>show cert list own|trust</c>.</summary>
public sealed record ShowCertListCommand(CertListKind Kind) : CliCommand;

/// <summary><c>show cert own &lt;unit&gt;/&lt;unit&gt;.pem</c>.</summary>
public sealed record ShowCertOwnCommand(string Unit) : CliCommand
{
    public string FileName => $"{Unit}/{Unit}.pem";
}

/// <summary><c>set cert regen &lt;unit&gt;</c>.</summary>
public sealed record SetCertRegenCommand(string Unit) : CliCommand;

/// <summary><c>utils dbreplication runtimestate</c>.</summary>
public sealed record DbReplicationRuntimeStateCommand : CliCommand;

/// <summary><c>utils fips enable|disable|status</c>.</summary>
public sealed record FipsCommand(FipsAction Action) : CliCommand;

/// <summary><c>show network cluster</c>.</summary>
public sealed record ShowNetworkClusterCommand : CliCommand;

/// <summary>The verbs of <c>utils service</c>.</summary>
public enum ServiceAction
{
    Start,
    Stop,
    Restart,
}

/// <summary>The lists of <c>show cert list</c>.</summary>
public enum CertListKind
{
    Own,
    Trust,
}

/// <summary>The verbs of <c>utils fips</c>.</summary>
public enum FipsAction
{
    Enable,
    Disable,
    Status,
}
