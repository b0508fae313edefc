namespace ImpClusterSim.Cli.Common;

/// <summary>Bad input found by a command: its message is printed as is and the command exits with 2.</summary>
public sealed class UsageException(string message) : Exception(message);
