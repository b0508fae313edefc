using System.Collections.Immutable;
using ImpClusterSim.Scenarios.Campaigns;
using ImpClusterSim.Scenarios.Overrides;

namespace ImpClusterSim.Scenarios.Studies;

/// <summary>
/// A sweep (or a campaign: a sweep of one grid point with no axis): the scenario, the axes, the seeds played at every
/// grid point, and per point the <see cref="CampaignSummary"/> of its runs. It holds no wall-clock figure, so it is
/// the same whatever the number of threads that played it.
/// </summary>
public sealed record SweepSummary(
    string Scenario,
    ImmutableArray<SweepAxis> Axes,
    ImmutableArray<SettingOverride> Fixed,
    ulong FirstSeed,
    int SeedCount,
    ImmutableArray<SweepPoint> Points)
{
    /// <summary>The axes with more than one value: what the sweep varies.</summary>
    public ImmutableArray<SweepAxis> Varied => [.. Axes.Where(a => a.Values.Length > 1)];

    /// <summary>True when every expectation held in every run at every point.</summary>
    public bool Passed => Points.All(p => p.Summary.Passed);
}

/// <summary>One grid point: the values of the varied settings, and what its runs gave.</summary>
public sealed record SweepPoint(ImmutableArray<SettingOverride> Settings, CampaignSummary Summary)
{
    /// <summary>"timings.icsa-interval=10m, network.loss=1%", or "as written" for a point without overrides.</summary>
    public string Label => Settings.IsEmpty ? "as written" : string.Join(", ", Settings.Select(s => s.Text));

    /// <summary>The values only, for a table column or a plot's tick: "10m, 1%".</summary>
    public string ValueLabel => Settings.IsEmpty ? "as written" : string.Join(", ", Settings.Select(s => s.Value));
}
