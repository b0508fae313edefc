using System.Collections.Immutable;
using System.Globalization;
using ImpClusterSim.Domain.Time;

namespace ImpClusterSim.Scenarios.Chaos;

/// <summary>
/// One generated fault, as the scenario language writes it (docs/scenarios.md, "faults"): an id, when it strikes
/// (<see cref="At"/>, since the start, whole seconds), an optional window (<see cref="For"/>) and the fault kind
/// (<see cref="Kind"/>, a fault name of the language) with its arguments in order. <see cref="ToYaml"/> is the line the
/// scenario file carries, so a schedule replays exactly as generated. Two faults are equal when they write the same line
/// (value equality over the arguments, not the array's reference).
/// </summary>
public sealed record ScheduledFault(string Id, TimeSpan At, TimeSpan? For, string Kind, ImmutableArray<KeyValuePair<string, string>> Args)
{
    /// <summary>When the fault is undone (its window's end), or null for a fault without a window.</summary>
    public TimeSpan? Ends => For is { } d ? At + d : Arg("restart-after") is { } r ? At + DurationText.Parse(r) : null;

    /// <summary>The swarm dimension the fault belongs to (<see cref="ChaosFaultKinds"/>): a clock-skew of a day or more is a clock jump.</summary>
    public string SwarmKind => Kind == "clock-skew" && Arg("offset") is { } o && DurationText.TryParse(o.TrimStart('-', '+'), out var d) && d >= TimeSpan.FromDays(1)
        ? ChaosFaultKinds.ClockJump
        : Kind;

    public bool Equals(ScheduledFault? other) =>
        other is not null && Id == other.Id && At == other.At && For == other.For && Kind == other.Kind && Args.SequenceEqual(other.Args);

    public override int GetHashCode() => HashCode.Combine(Id, At, For, Kind, Args.Length);

    public string? Arg(string key) => Args.FirstOrDefault(a => a.Key == key).Value;

    public ScheduledFault WithArg(string key, string? value)
    {
        var args = Args.Where(a => a.Key != key).ToList();
        if (value is not null)
        {
            var index = Args.Select((a, i) => (a, i)).FirstOrDefault(x => x.a.Key == key).i;
            var at = Args.Any(a => a.Key == key) ? index : args.Count;
            args.Insert(Math.Min(at, args.Count), KeyValuePair.Create(key, value));
        }
        return this with { Args = [.. args] };
    }

    /// <summary>The nodes and clusters the fault names (for timelines and signatures).</summary>
    public IEnumerable<string> Targets => Args.Where(a => a.Key is "a" or "b" or "node" or "host").SelectMany(a => Names(a.Value));

    /// <summary>One flow-mapping line: <c>{ id: chaos-3, at: 2h13m, for: 20m, partition: { a: imp-a, b: imp-b } }</c>.</summary>
    public string ToYaml()
    {
        var window = For is { } d ? $", for: {DurationText.Format(d)}" : "";
        var args = string.Join(", ", Args.Select(a => $"{a.Key}: {a.Value}"));
        return $"{{ id: {Id}, at: {DurationText.Format(At)}{window}, {Kind}: {{ {args} }} }}";
    }

    /// <summary>A short human description: "partition imp-a / imp-b one-way, +2h13m for 20m".</summary>
    public string Describe()
    {
        var window = For is { } d ? $" for {DurationText.Format(d)}" : "";
        return $"{Kind} {string.Join(" ", Args.Select(a => a.Key + "=" + a.Value))} at +{DurationText.Format(At)}{window}";
    }

    internal static string List(IEnumerable<string> names)
    {
        var all = names.ToArray();
        return all.Length == 1 ? all[0] : "[" + string.Join(", ", all) + "]";
    }

    internal static IEnumerable<string> Names(string value) =>
        value.Trim('[', ']').Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    internal static string Probability(double p) => p.ToString("0.###", CultureInfo.InvariantCulture);
}
