using ImpClusterSim.Domain.Topology;

namespace ImpClusterSim.Cli.Shell;

/// <summary>
/// What a shell session plays on: the deployment, how a saved scenario names it (an embedded name such as "lab", or a
/// file path), the seed, and whether typed lines are echoed after the prompt (for scripts, so the output reads as a
/// transcript); <paramref name="Script"/> names the script file its errors are located in (<c>FILE:LINE:</c>).
/// </summary>
public sealed record ShellSettings(Deployment Topology, string TopologyReference, ulong Seed = 1, bool Echo = true, string? Script = null)
{
    /// <summary>The embedded lab deployment (CUCM of 2, two IM&amp;P clusters of 3).</summary>
    public static ShellSettings Lab(ulong seed = 1, bool echo = true) =>
        new(TopologyLoader.LoadEmbedded("lab"), "lab", seed, echo);
}
