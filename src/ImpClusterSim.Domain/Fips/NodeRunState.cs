namespace ImpClusterSim.Domain.Fips;

/// <summary>Whether the node is up, rebooting, or halted by a failed FIPS startup self-test.</summary>
public enum NodeRunState
{
    Running,
    Rebooting,
    Halted,
}
