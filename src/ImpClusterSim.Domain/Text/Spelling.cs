namespace ImpClusterSim.Domain.Text;

/// <summary>
/// "Did you mean": the known name nearest to a misspelt one, by case-insensitive edit distance (insertions, deletions,
/// substitutions and swaps of neighbours each cost 1). Used by the scenario validator, the command line and the shell.
/// </summary>
public static class Spelling
{
    /// <summary>
    /// The candidate nearest to <paramref name="typed"/>, or null when none is close: within a third of the longer
    /// name's length (at least 1, at most 4 edits); a name differing only in case, or one the typed text is a prefix
    /// of (at least 3 characters), always counts. Ties go to the first candidate in the given order.
    /// </summary>
    public static string? Nearest(string typed, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var c in candidates)
        {
            if (string.Equals(c, typed, StringComparison.Ordinal)) continue;
            var d = string.Equals(c, typed, StringComparison.OrdinalIgnoreCase) ? 0 : Distance(typed.ToLowerInvariant(), c.ToLowerInvariant());
            if (typed.Length >= 3 && c.StartsWith(typed, StringComparison.OrdinalIgnoreCase)) d = Math.Min(d, 1);
            var limit = Math.Clamp(Math.Max(typed.Length, c.Length) / 3, 1, 4);
            if (d <= limit && d < bestDistance)
            {
                best = c;
                bestDistance = d;
            }
        }
        return best;
    }

    /// <summary>"; did you mean 'X'?" for the nearest candidate, or an empty string.</summary>
    public static string DidYouMean(string typed, IEnumerable<string> candidates) =>
        Nearest(typed, candidates) is { } near ? $"; did you mean '{near}'?" : "";

    /// <summary>Optimal string alignment distance (Damerau-Levenshtein without repeated edits of one substring).</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        for (var j = 1; j <= b.Length; j++)
        {
            var cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
        }
        return d[a.Length, b.Length];
    }
}
