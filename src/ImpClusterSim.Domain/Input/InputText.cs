namespace ImpClusterSim.Domain.Input;

/// <summary>
/// Text as every input file is read: a byte-order mark dropped, and CRLF, CR-only and LF line endings all made LF,
/// so that a file reads the same (and reports the same line numbers) whichever editor wrote it.
/// </summary>
public static class InputText
{
    /// <summary>The text with a leading BOM removed and every line ending made "\n".</summary>
    public static string Normalize(string text)
    {
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        return text.Contains('\r') ? text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n') : text;
    }
}
