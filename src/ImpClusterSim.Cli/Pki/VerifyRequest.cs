namespace ImpClusterSim.Cli.Pki;

/// <summary>The options of one `impsim pki verify` as typed (paths, texts and flags).</summary>
internal sealed record VerifyRequest(
    string[] TrustPaths,
    string[] UntrustedPaths,
    string LeafPath,
    string? AtText,
    string? HostName,
    bool Fips,
    string Purpose,
    string[] Policies,
    bool ExplicitPolicy,
    bool InhibitMapping,
    bool InhibitAny,
    string AnchorChecks,
    bool Strict,
    bool Json);
