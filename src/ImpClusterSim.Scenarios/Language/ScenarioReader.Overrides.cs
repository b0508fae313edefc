using System.Collections.Immutable;
using YamlDotNet.RepresentationModel;

namespace ImpClusterSim.Scenarios.Language;

/// <summary>
/// One <c>--set KEY=VALUE</c> read as if it were written under <c>deployment.settings</c> of the file: the same value
/// checks and the same messages (docs/timing-studies.md, "Overriding settings").
/// </summary>
internal sealed partial class ScenarioReader
{
    /// <summary>
    /// The settings that <paramref name="path"/> (the key split at its dots, e.g. ["timings", "icsa-interval"] or
    /// ["timings", "services", "Cisco Tomcat", "start"]) set to <paramref name="value"/> would give, merged over
    /// <paramref name="current"/>; null and an error (in <see cref="Errors"/>) when the value is not valid there.
    /// The caller has checked that the path names a setting.
    /// </summary>
    internal ScenarioSettings? ReadSettingOverride(ScenarioSettings current, IReadOnlyList<string> path, string value)
    {
        var scalar = new YamlScalarNode(value);
        YamlNode node = scalar;
        for (var i = path.Count - 1; i >= 1; i--) node = new YamlMappingNode(new YamlScalarNode(path[i]), node);
        var only = ReadSettings(new YamlMappingNode(new YamlScalarNode(path[0]), node));
        if (only is null) return null;
        return path[0] switch
        {
            "timings" => current with { Timings = Merge(current.Timings, only.Timings) },
            "network" => current with { Network = Merge(current.Network, only.Network) },
            "trust-deletion" => current with { TrustDeletion = only.TrustDeletion },
            _ => current with { KeyAlgorithm = only.KeyAlgorithm },
        };
    }

    private static Timings Merge(Timings a, Timings b)
    {
        var services = a.Services;
        foreach (var (name, t) in b.Services)
        {
            var old = services.GetValueOrDefault(name);
            services = services.SetItem(name, new ServiceTimings(t.Start ?? old?.Start, t.Stop ?? old?.Stop));
        }

        return new Timings(b.IcsaInterval ?? a.IcsaInterval, b.IcsaRetry ?? a.IcsaRetry, b.ReplicationDelay ?? a.ReplicationDelay,
            b.PeerStatusRefresh ?? a.PeerStatusRefresh, services, b.CertificateChangeCheck ?? a.CertificateChangeCheck);
    }

    private static NetworkDefaults Merge(NetworkDefaults a, NetworkDefaults b) =>
        new(b.Latency ?? a.Latency, b.Distribution ?? a.Distribution, b.Loss ?? a.Loss, b.Duplication ?? a.Duplication, b.Reorder ?? a.Reorder);

    /// <summary>The keys <c>deployment.settings</c> takes, for the list an unknown key is answered with.</summary>
    internal static ImmutableArray<string> SettingSections => [.. SettingsKeys];
}
