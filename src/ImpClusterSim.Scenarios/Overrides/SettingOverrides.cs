using System.Collections.Immutable;
using ImpClusterSim.Scenarios.Language;

namespace ImpClusterSim.Scenarios.Overrides;

/// <summary>
/// <c>--set KEY=VALUE</c> for <c>run</c>, <c>campaign</c>, <c>chaos</c> and <c>sweep</c> (docs/timing-studies.md): parses
/// the argument, checks the key against the settings a scenario file takes under <c>deployment.settings</c> (unknown
/// key: the list of keys) and the value with the scenario reader itself (bad value: the file's own message), and
/// applies it to a loaded scenario. Nothing is applied unless every override is valid.
/// </summary>
public static class SettingOverrides
{
    private const string ServicesPrefix = "timings.services.";

    /// <summary>Every key <c>--set</c> takes, with what it means; service keys are shown with a placeholder.</summary>
    public static ImmutableArray<(string Key, string Meaning)> Keys { get; } =
    [
        .. ScenarioVocabulary.TimingSettings.Args.Select(a => ("timings." + a.Key, a.Description)),
        ("timings.services.<service>.start", "a service's start duration range, e.g. 'timings.services.Cisco Tomcat.start=30s..90s'"),
        ("timings.services.<service>.stop", "a service's stop duration range"),
        .. ScenarioVocabulary.NetworkSettings.Args.Select(a => ("network." + a.Key, a.Description)),
        ("key-algorithm", "the key algorithm of the nodes' certificates: " + string.Join(", ", ScenarioVocabulary.KeyAlgorithms)),
        ("trust-deletion", "where a trust certificate deletion takes effect: per-node (9.0(1), default) or cluster (11.0 and later)"),
    ];

    /// <summary>
    /// Splits <c>KEY=VALUE</c> (at the first '=', both sides trimmed) and checks that the key names a setting.
    /// </summary>
    /// <returns>The override, or null and a message saying what is wrong (the message starts with <c>--set</c>).</returns>
    public static (SettingOverride? Override, string? Error) Parse(string argument)
    {
        ArgumentNullException.ThrowIfNull(argument);
        var eq = argument.IndexOf('=', StringComparison.Ordinal);
        if (eq < 0) return (null, $"--set '{argument}': expected KEY=VALUE, e.g. --set timings.icsa-interval=10m");
        var key = argument[..eq].Trim();
        var value = argument[(eq + 1)..].Trim();
        if (KeyError(key) is { } error) return (null, $"--set '{argument}': {error}");
        if (value.Length == 0) return (null, $"--set '{argument}': the value is empty");
        return (new SettingOverride(key, value), null);
    }

    /// <summary>
    /// Parses several <c>KEY=VALUE</c> arguments; a key given twice is an error (which value would win is not obvious).
    /// </summary>
    public static (ImmutableArray<SettingOverride> Overrides, ImmutableArray<string> Errors) ParseAll(IEnumerable<string> arguments)
    {
        var overrides = ImmutableArray.CreateBuilder<SettingOverride>();
        var errors = ImmutableArray.CreateBuilder<string>();
        foreach (var argument in arguments)
        {
            var (o, error) = Parse(argument);
            if (error is not null) errors.Add(error);
            else if (overrides.Any(x => x.Key == o!.Key)) errors.Add($"--set '{argument}': '{o!.Key}' is set twice");
            else overrides.Add(o!);
        }

        return (overrides.ToImmutable(), errors.ToImmutable());
    }

    /// <summary>
    /// The scenario with the overrides applied in order, each value validated as if written in the file under
    /// <c>deployment.settings</c>. Either the new scenario and no errors, or null and one message per bad value
    /// (<c>--set KEY=VALUE: why</c>).
    /// </summary>
    public static (Scenario? Scenario, ImmutableArray<string> Errors) Apply(Scenario scenario, IReadOnlyList<SettingOverride> overrides)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(overrides);
        var settings = scenario.Deployment.Settings;
        var errors = ImmutableArray.CreateBuilder<string>();
        foreach (var o in overrides)
        {
            if (KeyError(o.Key) is { } keyError)
            {
                errors.Add($"--set {o.Text}: {keyError}");
                continue;
            }

            var reader = new ScenarioReader("--set", o.Value, Directory.GetCurrentDirectory());
            var next = reader.ReadSettingOverride(settings, Path(o.Key), o.Value);
            if (next is null) errors.AddRange(reader.Errors.Select(e => $"--set {o.Text}: {e.Message}").Distinct());
            else settings = next;
        }

        if (errors.Count > 0) return (null, errors.ToImmutable());
        return (scenario with { Deployment = scenario.Deployment with { Settings = settings } }, []);
    }

    /// <summary>The key as a path: "timings.services.Cisco Tomcat.start" is [timings, services, Cisco Tomcat, start].</summary>
    private static string[] Path(string key)
    {
        if (!key.StartsWith(ServicesPrefix, StringComparison.Ordinal)) return key.Split('.');
        var rest = key[ServicesPrefix.Length..];
        var dot = rest.LastIndexOf('.');
        return ["timings", "services", rest[..dot], rest[(dot + 1)..]];
    }

    /// <summary>Null when the key names a setting; otherwise why not, with the list of keys.</summary>
    private static string? KeyError(string key)
    {
        if (key.StartsWith(ServicesPrefix, StringComparison.Ordinal))
        {
            var rest = key[ServicesPrefix.Length..];
            var dot = rest.LastIndexOf('.');
            // The service's name is checked by the reader, with the file's message.
            if (dot > 0 && rest[(dot + 1)..] is "start" or "stop") return null;
            return $"'{key}' is not a setting: a service's timing is {ServicesPrefix}<service>.start or .stop";
        }

        if (Keys.Any(k => k.Key == key)) return null;
        return key.Length == 0
            ? $"the key is empty; settings: {KeyList}"
            : $"unknown setting '{key}'; settings: {KeyList}";
    }

    private static string KeyList => string.Join(", ", Keys.Select(k => k.Key));
}
