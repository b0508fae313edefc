using System.Collections.Immutable;

namespace ImpClusterSim.Scenarios.Language;

/// <summary>
/// A validated scenario (docs/scenarios.md): the deployment, the CAs, what administrators do (<see cref="Steps"/>, in
/// time order), what breaks (<see cref="Faults"/>, in file order), what must be true (<see cref="Expectations"/>) and
/// the named timing <see cref="Assumptions"/>. Every element carries the <see cref="SourceSpan"/> it came from.
/// </summary>
public sealed record Scenario(
    string Name,
    string? Description,
    string? GuideSection,
    ulong? Seed,
    TimeSpan Until,
    ScenarioDeployment Deployment,
    ImmutableArray<CaSpec> Cas,
    ImmutableArray<Step> Steps,
    ImmutableArray<Fault> Faults,
    ImmutableArray<Expectation> Expectations,
    ImmutableArray<Assumption> Assumptions,
    SourceSpan Span)
{
    /// <summary>The horizon when the scenario does not give 'until'.</summary>
    public static readonly TimeSpan DefaultUntil = TimeSpan.FromHours(24);

    public Step? StepLabelled(string label) => Steps.FirstOrDefault(s => s.Label == label);
}
