using ImpClusterSim.Domain.Services;
using YamlDotNet.RepresentationModel;

namespace ImpClusterSim.Scenarios.Language;

/// <summary>
/// The arguments of one operation, fault or condition after type checks: typed values by key, the YAML node each came
/// from, the target if the kind takes one, and <see cref="Ok"/> false when anything was wrong.
/// </summary>
internal sealed class ArgValues(KindSpec spec, SourceSpan span)
{
    private readonly Dictionary<string, object> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, YamlNode> _nodes = new(StringComparer.Ordinal);

    public KindSpec Spec { get; } = spec;

    public SourceSpan Span { get; } = span;

    public bool Ok { get; set; } = true;

    public Target? Target { get; set; }

    public void Set(string key, object value, YamlNode node)
    {
        _values[key] = value;
        _nodes[key] = node;
    }

    public bool Has(string key) => _values.ContainsKey(key);

    public YamlNode? Node(string key) => _nodes.GetValueOrDefault(key);

    public string Text(string key) => (string)_values[key];

    public string? OptText(string key) => _values.GetValueOrDefault(key) as string;

    public TimeSpan Time(string key) => (TimeSpan)_values[key];

    public TimeSpan? OptTime(string key) => _values.TryGetValue(key, out var v) ? (TimeSpan)v : null;

    public DurationRange? Range(string key) => _values.GetValueOrDefault(key) as DurationRange;

    public bool Bool(string key, bool fallback = false) => _values.TryGetValue(key, out var v) ? (bool)v : fallback;

    public int? Count(string key) => _values.TryGetValue(key, out var v) ? (int)v : null;

    public double? Probability(string key) => _values.TryGetValue(key, out var v) ? (double)v : null;

    public Endpoints Endpoints(string key) => (Endpoints)_values[key];

    public T Get<T>(string key) => (T)_values[key];
}
