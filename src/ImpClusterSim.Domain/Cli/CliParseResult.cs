namespace ImpClusterSim.Domain.Cli;

/// <summary>Either a command, or the text the CLI prints for a line it refuses (ending "Executed command unsuccessfully").</summary>
public sealed record CliParseResult(CliCommand? Command, string? ErrorOutput)
{
    public bool IsSuccess => Command is not null;

    public static CliParseResult Ok(CliCommand command) => new(command, null);

    public static CliParseResult Fail(string output) => new(null, output);
}
