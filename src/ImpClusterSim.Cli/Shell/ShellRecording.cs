using System.Globalization;
using System.Text;
using ImpClusterSim.Domain.Time;

namespace ImpClusterSim.Cli.Shell;

/// <summary>
/// What was typed in a shell session, at the virtual time it was typed, as a scenario (docs/scenarios.md): CLI lines
/// become <c>cli</c> steps on their node; partitions, heals, crashes, restarts and clock skews become faults.
/// </summary>
internal sealed class ShellRecording
{
    private readonly List<(TimeSpan At, string Yaml)> _steps = [];
    private readonly List<(TimeSpan At, string Yaml)> _faults = [];

    public int Steps => _steps.Count;

    public int Faults => _faults.Count;

    public void Cli(TimeSpan at, string node, string line) =>
        _steps.Add((at, $"  - at: {Time(at)}\n    node: {Quote(node)}\n    cli: {Quote(line)}\n"));

    public void AddPeer(TimeSpan at, string cluster, string peer) =>
        _steps.Add((at, $"  - at: {Time(at)}\n    publisher-of: {Quote(cluster)}\n    add-peer: {{ peer: {Quote(peer)}, protocol: TLS }}\n"));

    public void Partition(TimeSpan at, string id, string a, string b, bool oneWay) =>
        Fault(at, $"partition: {{ a: {Quote(a)}, b: {Quote(b)}{(oneWay ? ", one-way: true" : "")} }}", id);

    public void Heal(TimeSpan at, string? id) => Fault(at, $"heal: {(id is null ? "all" : Quote(id))}");

    public void Crash(TimeSpan at, string node) => Fault(at, $"crash: {Quote(node)}");

    public void Restart(TimeSpan at, string node) => Fault(at, $"restart-node: {Quote(node)}");

    public void Skew(TimeSpan at, string node, TimeSpan offset) =>
        Fault(at, $"clock-skew: {{ node: {Quote(node)}, offset: {Quote(Signed(offset))} }}");

    public string ToYaml(string name, ShellSettings settings, TimeSpan elapsed)
    {
        var last = _steps.Concat(_faults).Select(s => s.At).DefaultIfEmpty(TimeSpan.Zero).Max();
        var horizon = Max(elapsed, last);
        // A whole number of minutes, at least one: the horizon must cover every step and fault.
        var until = TimeSpan.FromMinutes(Math.Max(1, Math.Ceiling(horizon.TotalMinutes)));
        var yaml = new StringBuilder();
        yaml.Append("# Recorded by `impsim shell`: what was typed, at the virtual time it was typed (docs/shell.md).\n")
            .Append("name: ").Append(Quote(name)).Append('\n')
            .Append("description: ").Append(Quote($"recorded with impsim shell on {settings.TopologyReference}, seed {settings.Seed.ToString(CultureInfo.InvariantCulture)}")).Append('\n')
            .Append("seed: ").Append(settings.Seed.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append("until: ").Append(Time(until)).Append("\n\n")
            .Append("deployment:\n  topology: ").Append(Quote(settings.TopologyReference)).Append('\n');
        if (_steps.Count > 0)
        {
            yaml.Append("\nsteps:\n");
            foreach (var (_, step) in _steps) yaml.Append(step);
        }
        if (_faults.Count > 0)
        {
            yaml.Append("\nfaults:\n");
            foreach (var (_, fault) in _faults) yaml.Append(fault);
        }
        return yaml.ToString();
    }

    private void Fault(TimeSpan at, string fault, string? id = null) =>
        _faults.Add((at, $"  - {{ {(id is null ? "" : $"id: {Quote(id)}, ")}at: {Time(at)}, {fault} }}\n"));

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static string Time(TimeSpan t) => DurationText.Format(t);

    internal static string Signed(TimeSpan t) => t < TimeSpan.Zero ? DurationText.Format(t) : "+" + DurationText.Format(t);

    /// <summary>A single-quoted YAML scalar: nothing in it is special but the quote itself, written twice.</summary>
    private static string Quote(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
