using ImpClusterSim.Domain.Topology;

namespace ImpClusterSim.Scenarios.Language;

/// <summary>
/// The deployment a scenario builds. <see cref="Source"/> is the embedded name ("default", "two-clusters"), the
/// topology file's path, or "inline".
/// </summary>
public sealed record ScenarioDeployment(string Source, Deployment Topology, ScenarioSettings Settings, SourceSpan Span);
