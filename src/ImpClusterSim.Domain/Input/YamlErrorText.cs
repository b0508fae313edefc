using YamlDotNet.Core;

namespace ImpClusterSim.Domain.Input;

/// <summary>
/// The message a reader of a scenario or topology file sees for a YAML error YamlDotNet raised while loading:
/// a repeated mapping key is named (<c>duplicate key 'at'</c>); anything else is a syntax error with the parser's words.
/// </summary>
public static class YamlErrorText
{
    private const string DuplicateKeyPrefix = "Duplicate key";

    /// <summary>The message for <paramref name="error"/> (its position is the caller's to report: <c>error.Start</c>).</summary>
    public static string Describe(YamlException error)
    {
        var message = error.Message;
        if (!message.StartsWith(DuplicateKeyPrefix, StringComparison.OrdinalIgnoreCase))
            return error.InnerException is ArgumentException ? "duplicate key" : "YAML syntax error: " + message;
        var key = message[DuplicateKeyPrefix.Length..].Trim();
        return key.Length == 0 ? "duplicate key" : $"duplicate key '{key}'";
    }
}
