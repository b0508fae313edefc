using ImpClusterSim.Domain.Cli;

namespace ImpClusterSim.Cli.Shell;

/// <summary>
/// The shell's <c>help</c> and <c>?</c>: the simulator's own commands, and the platform CLI commands the simulated nodes
/// model (their usage lines, from <see cref="CliParser"/>), which are typed at a node's <c>admin:</c> prompt.
/// </summary>
internal static class ShellHelp
{
    /// <summary>The simulator's commands: usage and what each does.</summary>
    public static readonly IReadOnlyList<(string Usage, string What)> SimulatorCommands =
    [
        ("nodes", "the nodes: cluster, kind, role, up or down"),
        ("use NODE", "log in to NODE's admin CLI (its login banner, then 'admin:'); 'exit' logs out"),
        ("advance DURATION", "run virtual time (90s, 10m, 1h30m, 2d) and print what happened"),
        ("partition A B [--one-way]", "cut the network between nodes or clusters A and B (one way: A cannot reach B)"),
        ("heal [ID]", "end partition ID, or every partition"),
        ("crash NODE", "crash NODE (everything volatile lost; its disk stays)"),
        ("restart NODE", "start NODE again (crash-restart if it is up)"),
        ("skew NODE OFFSET", "set NODE's clock offset: -2h (behind), +30m, 400d (ahead)"),
        ("status", "virtual time, nodes up and down, partitions, skews"),
        ("peer CLUSTER CLUSTER", "peer two IM&P clusters over TLS (Presence > Inter-Clustering > Add New on both publishers)"),
        ("peers", "the Inter-cluster Peer Status panel of each IM&P publisher"),
        ("save FILE", "save what was done as a scenario (impsim validate accepts it)"),
        ("help", "this text; '?' after the first words of a command lists how it goes on"),
        ("exit", "log out of the node, or end the session"),
    ];

    /// <summary>Every platform CLI command a node models, as its usage line, in the order of the platform's groups.</summary>
    public static readonly IReadOnlyList<string> PlatformCommands =
        [.. CliParser.ServiceUsage, .. CliParser.CertUsage, .. CliParser.DbReplicationUsage, .. CliParser.FipsUsage, .. CliParser.NetworkUsage];

    /// <summary>The simulator command names (the first word of each usage).</summary>
    public static IEnumerable<string> SimulatorCommandNames => SimulatorCommands.Select(c => c.Usage.Split(' ')[0]);

    /// <summary>The whole <c>help</c> text.</summary>
    public static string Text
    {
        get
        {
            var width = SimulatorCommands.Max(c => c.Usage.Length) + 2;
            var lines = new List<string> { "Simulator commands (at either prompt; virtual time moves only with 'advance'):" };
            lines.AddRange(SimulatorCommands.Select(c => "  " + c.Usage.PadRight(width) + c.What));
            lines.Add("Platform CLI commands (at a node's 'admin:' prompt, after 'use NODE'; the ones the simulated nodes model):");
            lines.AddRange(PlatformCommands.Select(u => "  " + u));
            return string.Join('\n', lines);
        }
    }

    /// <summary>
    /// What <c>WORDS ?</c> lists, as the platform CLI's <c>?</c> does: the commands whose words begin with
    /// <paramref name="typed"/> (case-insensitive; the last word may be partial); platform commands only at a node's
    /// prompt (<paramref name="atNode"/>). Empty when none does.
    /// </summary>
    public static IReadOnlyList<string> Matching(string typed, bool atNode)
    {
        var words = typed.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var simulator = SimulatorCommands.Select(c => c.Usage).Where(u => Begins(u, words)).Select(u => "  " + u);
        var platform = atNode ? PlatformCommands.Where(u => Begins(u, words)).Select(u => "  " + u) : [];
        return [.. platform, .. simulator];
    }

    private static bool Begins(string usage, string[] words)
    {
        var tokens = usage.Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            if (i >= tokens.Length) return tokens.Length > 0 && tokens[^1].StartsWith('<');
            var alternatives = tokens[i].Trim('[', ']').Split('|');
            var last = i == words.Length - 1;
            var fits = tokens[i].StartsWith('<') || tokens[i].Equals(tokens[i].ToUpperInvariant(), StringComparison.Ordinal) && tokens[i].Any(char.IsLetter) ||
                       alternatives.Any(a => last ? a.StartsWith(words[i], StringComparison.OrdinalIgnoreCase) : a.Equals(words[i], StringComparison.OrdinalIgnoreCase));
            if (!fits) return false;
        }
        return true;
    }
}
