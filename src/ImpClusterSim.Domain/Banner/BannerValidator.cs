using System.Collections.Immutable;
using System.Text;

namespace ImpClusterSim.Domain.Banner;

/// <summary>
/// Validation of a Customized Logon Message upload (rules chosen, docs/domain.md): a file named *.txt, not empty,
/// at most <see cref="MaxBytes"/> bytes, valid UTF-8 text (a UTF-8 byte order mark is dropped) with no control
/// characters other than tab, carriage return and line feed.
/// </summary>
public static class BannerValidator
{
    public const int MaxBytes = 10 * 1024;

    public static (LoginBanner? Banner, ImmutableArray<string> Errors) Validate(string fileName, ReadOnlySpan<byte> content)
    {
        var errors = ImmutableArray.CreateBuilder<string>();
        if (!fileName.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
            errors.Add($"The file '{fileName}' is not a .txt file. Upload a plain text (.txt) file.");
        if (content.Length == 0)
            errors.Add("The file is empty.");
        if (content.Length > MaxBytes)
            errors.Add($"The file is {content.Length} bytes; the maximum is {MaxBytes} bytes.");

        string? text = null;
        try
        {
            var bytes = content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? content[3..] : content;
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            errors.Add("The file is not text: it is not valid UTF-8.");
        }

        if (text is not null && text.Any(c => char.IsControl(c) && c is not ('\t' or '\r' or '\n')))
            errors.Add("The file is not text: it contains control characters.");

        return errors.Count == 0
            ? (new LoginBanner(fileName, text!.ReplaceLineEndings("\n")), [])
            : (null, errors.ToImmutable());
    }
}
