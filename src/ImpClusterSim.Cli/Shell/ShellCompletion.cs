using ImpClusterSim.Domain.Cli;

namespace ImpClusterSim.Cli.Shell;

/// <summary>
/// Tab completion for the shell (docs/shell.md): the word being typed, given the words before it, completes to
/// simulator commands, node and cluster names, and at a node's <c>admin:</c> prompt to the modelled platform CLI
/// (keywords of <see cref="ShellHelp.PlatformCommands"/> and the node's service names, word by word). Pure: the names
/// come from a snapshot taken before the line is read, so completing never touches the simulation.
/// </summary>
/// <param name="Nodes">Every node name.</param>
/// <param name="Clusters">Every cluster name (CUCM and IM&amp;P).</param>
/// <param name="ImpClusters">The IM&amp;P cluster names.</param>
/// <param name="Services">The service names of the node in use (empty at the shell's prompt).</param>
/// <param name="AtNode">True at a node's <c>admin:</c> prompt.</param>
public sealed record ShellCompletion(IReadOnlyList<string> Nodes, IReadOnlyList<string> Clusters, IReadOnlyList<string> ImpClusters,
    IReadOnlyList<string> Services, bool AtNode)
{
    /// <summary>The candidates for <paramref name="word"/> after <paramref name="before"/> (the line up to the word), sorted.</summary>
    public IReadOnlyList<string> Complete(string before, string word)
    {
        var words = before.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var candidates = words.Length == 0 ? First() : Next(words);
        return [.. candidates.Where(c => c.StartsWith(word, StringComparison.OrdinalIgnoreCase)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    private IEnumerable<string> First() =>
        AtNode ? ShellHelp.SimulatorCommandNames.Concat(ShellHelp.PlatformCommands.Select(u => u.Split(' ')[0])) : ShellHelp.SimulatorCommandNames;

    private IEnumerable<string> Next(string[] words)
    {
        var command = words[0].ToLowerInvariant();
        var position = words.Length; // index of the word being completed
        switch (command)
        {
            case "use" or "crash" or "restart" when position == 1:
            case "skew" when position == 1:
                return Nodes;
            case "partition" when position <= 2:
                return Nodes.Concat(Clusters);
            case "partition" when position == 3:
                return ["--one-way"];
            case "peer" when position <= 2:
                return ImpClusters;
        }
        return AtNode ? Platform(words) : [];
    }

    /// <summary>The next word of every modelled platform command that the typed words begin.</summary>
    private IEnumerable<string> Platform(string[] words)
    {
        foreach (var usage in ShellHelp.PlatformCommands)
        {
            var tokens = usage.Split(' ');
            var i = 0;
            var fits = true;
            for (; i < words.Length && i < tokens.Length; i++)
            {
                if (tokens[i] == "<service") break;
                if (!Alternatives(tokens[i]).Any(a => a.Equals(words[i], StringComparison.OrdinalIgnoreCase)))
                {
                    fits = false;
                    break;
                }
            }
            if (!fits) continue;
            if (i < tokens.Length && tokens[i] == "<service")
            {
                // A service's display name, word by word: the words typed so far after the keyword must begin it.
                var typed = words[i..];
                foreach (var service in Services)
                {
                    var serviceWords = service.Split(' ');
                    if (typed.Length < serviceWords.Length && typed.Select((w, k) => serviceWords[k].Equals(w, StringComparison.OrdinalIgnoreCase)).All(x => x))
                        yield return serviceWords[typed.Length];
                }
                continue;
            }
            if (i == words.Length && i < tokens.Length && !tokens[i].StartsWith('<'))
                foreach (var a in Alternatives(tokens[i])) yield return a;
        }
    }

    private static string[] Alternatives(string token) => token.Trim('[', ']').Split('|');
}
