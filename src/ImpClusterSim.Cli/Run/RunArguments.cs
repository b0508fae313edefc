namespace ImpClusterSim.Cli.Run;

/// <summary>What `impsim run` was given.</summary>
internal sealed record RunArguments(
    FileInfo? Scenario,
    ulong? Seed,
    string? Until,
    FileInfo? Trace,
    bool Json,
    FileInfo? Topology,
    FileInfo? Log,
    DirectoryInfo? Report,
    DirectoryInfo? ExportCerts,
    System.Collections.Immutable.ImmutableArray<Scenarios.Overrides.SettingOverride> Overrides,
    bool Verbose = false);
