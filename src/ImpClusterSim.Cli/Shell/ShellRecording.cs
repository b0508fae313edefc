using System.Globalization;
using System.Text;
using ImpClusterSim.Domain.Time;

namespace ImpClusterSim.Cli.Shell;

/// <summary>
/// What was done in a shell session, at the virtual time it was done, as a scenario (docs/shell.md) that replays what
/// the user saw: CLI lines the node accepted become <c>cli</c> steps on their node (a question answered yes is the
/// question's line, which a scenario answers yes itself); lines the node refused, and questions answered no, are
/// comments; partitions, heals, crashes, restarts and clock skews become faults. A <c>restart</c> of a crashed node is
/// the crash's <c>restart-after</c> (the node comes back at the instant it came back in the shell, not after the two
/// minutes of a <c>restart-node</c> reboot); a <c>restart</c> of a node that is up is a crash with
/// <c>restart-after: 0s</c>, as the shell crash-restarts it at once.
/// </summary>
internal sealed class ShellRecording
{
    private readonly List<string> _steps = [];
    private readonly List<FaultEntry> _faults = [];
    private readonly Dictionary<string, FaultEntry> _openCrashes = new(StringComparer.Ordinal);
    private TimeSpan _lastStep;

    public int Steps => _steps.Count(s => !s.TrimStart().StartsWith('#'));

    public int Faults => _faults.Count;

    public void Cli(TimeSpan at, string node, string line)
    {
        _steps.Add($"  - at: {Time(at)}\n    node: {Quote(node)}\n    cli: {Quote(line)}\n");
        _lastStep = Max(_lastStep, at);
    }

    /// <summary>A line the node refused, or a question answered no: a comment, so the file shows what was tried.</summary>
    public void Comment(TimeSpan at, string node, string line, string why) =>
        _steps.Add($"  # at {Time(at)} on {node}: '{OneLine(line)}' {OneLine(why)}; not replayed\n");

    public void AddPeer(TimeSpan at, string cluster, string peer)
    {
        _steps.Add($"  - at: {Time(at)}\n    publisher-of: {Quote(cluster)}\n    add-peer: {{ peer: {Quote(peer)}, protocol: TLS }}\n");
        _lastStep = Max(_lastStep, at);
    }

    public void Partition(TimeSpan at, string id, string a, string b, bool oneWay) =>
        Fault(at, $"partition: {{ a: {Quote(a)}, b: {Quote(b)}{(oneWay ? ", one-way: true" : "")} }}", id);

    public void Heal(TimeSpan at, string? id) => Fault(at, $"heal: {(id is null ? "all" : Quote(id))}");

    public void Crash(TimeSpan at, string node) => _openCrashes[node] = Fault(at, $"crash: {Quote(node)}", crashed: node);

    /// <summary>
    /// <c>restart NODE</c>: the crash that took the node down comes back after the time it was down; a node that was up
    /// (or went down otherwise) is crash-restarted at once.
    /// </summary>
    public void Restart(TimeSpan at, string node)
    {
        if (_openCrashes.Remove(node, out var crash))
        {
            crash.RestartAfter = at - crash.At;
            return;
        }
        Fault(at, $"crash: {Quote(node)}", crashed: node).RestartAfter = TimeSpan.Zero;
    }

    public void Skew(TimeSpan at, string node, TimeSpan offset) =>
        Fault(at, $"clock-skew: {{ node: {Quote(node)}, offset: {Quote(Signed(offset))} }}");

    public string ToYaml(string name, ShellSettings settings, TimeSpan elapsed)
    {
        var last = _faults.Select(f => f.At + (f.RestartAfter ?? TimeSpan.Zero)).DefaultIfEmpty(TimeSpan.Zero).Max();
        var horizon = Max(elapsed, Max(last, _lastStep));
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
            // A list of comments only would be 'steps:' with no value: give the comments without the key then.
            yaml.Append(Steps > 0 ? "\nsteps:\n" : "\n");
            foreach (var step in _steps) yaml.Append(step);
        }
        if (_faults.Count > 0)
        {
            yaml.Append("\nfaults:\n");
            foreach (var fault in _faults) yaml.Append(fault.Yaml());
        }
        return yaml.ToString();
    }


    private FaultEntry Fault(TimeSpan at, string body, string? id = null, string? crashed = null)
    {
        var entry = new FaultEntry(at, body, id, crashed);
        _faults.Add(entry);
        return entry;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static string Time(TimeSpan t) => DurationText.Format(t);

    private static string OneLine(string text) => text.Replace('\n', ' ').Replace('\r', ' ');

    internal static string Signed(TimeSpan t) => t < TimeSpan.Zero ? DurationText.Format(t) : "+" + DurationText.Format(t);

    /// <summary>A single-quoted YAML scalar: nothing in it is special but the quote itself, written twice.</summary>
    private static string Quote(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>A fault as written; a crash (<paramref name="crashed"/>) takes its restart-after once the node is restarted.</summary>
    private sealed class FaultEntry(TimeSpan at, string body, string? id, string? crashed)
    {
        public TimeSpan At { get; } = at;

        public TimeSpan? RestartAfter { get; set; }

        public string Yaml()
        {
            var text = crashed is not null && RestartAfter is { } r ? $"crash: {{ node: {Quote(crashed)}, restart-after: {Time(r)} }}" : body;
            return $"  - {{ {(id is null ? "" : $"id: {Quote(id)}, ")}at: {Time(At)}, {text} }}\n";
        }
    }
}
