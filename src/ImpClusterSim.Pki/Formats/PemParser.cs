using System.Globalization;

namespace ImpClusterSim.Pki;

/// <summary>Splits text into PEM blocks, reporting malformed blocks with their line numbers. Text between blocks is ignored.</summary>
internal static class PemParser
{
    private static readonly System.Buffers.SearchValues<char> Base64Characters =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=");

    public static IReadOnlyList<PemBlock> Parse(string text, string source)
    {
        var lines = text.Split('\n');
        var blocks = new List<PemBlock>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (!line.StartsWith("-----BEGIN ", StringComparison.Ordinal))
            {
                continue;
            }
            if (!line.EndsWith("-----", StringComparison.Ordinal) || line.Length < 17)
            {
                throw Error(source, i + 1, $"malformed PEM header '{line}'");
            }
            var label = line[11..^5];
            var begin = i + 1;
            var body = new System.Text.StringBuilder();
            var ended = false;
            for (i++; i < lines.Length; i++)
            {
                var content = lines[i].Trim();
                if (content.StartsWith("-----END ", StringComparison.Ordinal))
                {
                    var endLabel = content.EndsWith("-----", StringComparison.Ordinal) && content.Length >= 14 ? content[9..^5] : content;
                    if (endLabel != label)
                    {
                        throw Error(source, i + 1, $"PEM block '{label}' (begun on line {begin}) ends with '{content}'");
                    }
                    ended = true;
                    break;
                }
                if (content.StartsWith("-----BEGIN ", StringComparison.Ordinal))
                {
                    throw Error(source, i + 1, $"PEM block '{label}' (begun on line {begin}) has no END line before the next BEGIN");
                }
                if (content.Contains(':', StringComparison.Ordinal))
                {
                    if (content.Contains("ENCRYPTED", StringComparison.OrdinalIgnoreCase))
                    {
                        throw Error(source, i + 1, $"PEM block '{label}' is encrypted; only unencrypted PEM is accepted");
                    }
                    continue; // RFC 1421 header line such as "Comment: ..."
                }
                var bad = content.AsSpan().IndexOfAnyExcept(Base64Characters);
                if (bad >= 0)
                {
                    throw Error(source, i + 1, string.Create(CultureInfo.InvariantCulture,
                        $"PEM block '{label}' is not valid base64 (character '{content[bad]}' at column {bad + 1})"));
                }
                body.Append(content);
            }
            if (!ended)
            {
                throw Error(source, begin, $"PEM block '{label}' has no END line");
            }
            byte[] der;
            try
            {
                der = Convert.FromBase64String(body.ToString());
            }
            catch (FormatException)
            {
                throw Error(source, begin, $"PEM block '{label}' is not valid base64 (wrong length or padding)");
            }
            if (der.Length == 0)
            {
                throw Error(source, begin, $"PEM block '{label}' is empty");
            }
            blocks.Add(new PemBlock(label, begin, der));
        }
        return blocks;
    }

    private static PkiFormatException Error(string source, int line, string message) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{source}: line {line}: {message}"));
}
