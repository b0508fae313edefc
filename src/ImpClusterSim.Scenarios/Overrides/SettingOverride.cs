namespace ImpClusterSim.Scenarios.Overrides;

/// <summary>
/// One <c>--set KEY=VALUE</c>: a scenario setting (<see cref="Key"/>, a dotted path under <c>deployment.settings</c>,
/// e.g. <c>timings.icsa-interval</c>) and the value to give it, written as in the scenario file (<c>10m</c>,
/// <c>5s..60s</c>, <c>2%</c>). <see cref="Text"/> is how it is shown back (in a replay command or a report).
/// </summary>
public sealed record SettingOverride(string Key, string Value)
{
    public string Text => $"{Key}={Value}";
}
