namespace ImpClusterSim.Scenarios.Overrides;

/// <summary>
/// One <c>--set KEY=VALUE</c>: a scenario setting (<see cref="Key"/>, a dotted path under <c>deployment.settings</c>,
/// e.g. <c>timings.icsa-interval</c>) and the value to give it, written as in the scenario file (<c>10m</c>,
/// <c>5s..60s</c>, <c>2%</c>). <see cref="Text"/> is how it is shown back (in a replay command or a report).
/// </summary>
public sealed record SettingOverride(string Key, string Value)
{
    public string Text => $"{Key}={Value}";

    /// <summary>The words a replay command needs to give the same overrides: <c> --set 'KEY=VALUE'</c> for each (quoted for a POSIX shell when needed).</summary>
    public static string ReplayWords(IEnumerable<SettingOverride> overrides) =>
        string.Concat(overrides.Select(o => " --set " + Quote(o.Text)));

    /// <summary>The text as one POSIX shell word: as is when it holds only safe characters, else single-quoted.</summary>
    public static string Quote(string text) =>
        text.All(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' or '=' or '%' or ',' or '/') ? text : "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
