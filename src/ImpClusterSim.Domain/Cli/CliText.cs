namespace ImpClusterSim.Domain.Cli;

/// <summary>Fixed CLI strings. Sources: domain facts 5 (platform samples) unless marked "chosen" in docs/domain.md.</summary>
public static class CliText
{
    public const string Prompt = "admin:";
    public const string CommandSuccessful = "Command successful";
    public const string ExecutedUnsuccessfully = "Executed command unsuccessfully";
    public const string RequestingServiceStatus = "Requesting service status, please wait...";
    public const string ServiceManagerRunning = "Service Manager is running";
    public const string YesNoPrompt = "Do you want to continue (yes/no)? ";

    /// <summary>Joins lines with '\n' (the simulator's one line ending).</summary>
    public static string Lines(IEnumerable<string> lines) => string.Join("\n", lines);

    public static string Lines(params string[] lines) => string.Join("\n", lines);
}
