namespace ImpClusterSim.Scenarios.Language;

/// <summary>Whether a kind takes a target (node, nodes, cluster or publisher-of).</summary>
public enum TargetUse
{
    None,
    Optional,
    Required,
}
