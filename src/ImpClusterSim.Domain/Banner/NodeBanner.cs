namespace ImpClusterSim.Domain.Banner;

/// <summary>
/// The login banner of one node. It is uploaded on each node separately (Software Upgrades &gt; Customized Logon
/// Message in Cisco Unified IM and Presence OS Administration) and is not replicated: this state belongs to one node.
/// </summary>
public sealed record NodeBanner(string Node, LoginBanner? Banner)
{
    /// <summary>The message after a successful upload (wording chosen).</summary>
    public const string UploadedMessage = "Customized Logon Message uploaded successfully.";

    public static NodeBanner None(string node) => new(node, null);

    /// <summary>Validates and, if valid, replaces the banner; an invalid upload leaves the banner as it was.</summary>
    public BannerUploadResult Upload(string fileName, ReadOnlySpan<byte> content)
    {
        var (banner, errors) = BannerValidator.Validate(fileName, content);
        return banner is null
            ? new BannerUploadResult(this, false, errors)
            : new BannerUploadResult(this with { Banner = banner }, true, [UploadedMessage]);
    }

    /// <summary>Deletes the banner: the interfaces show none.</summary>
    public NodeBanner Delete() => this with { Banner = null };

    /// <summary>The text an interface shows in a phase, or null when no banner is set. All interfaces show it in both phases.</summary>
    public string? ShownOn(LoginInterface where, LoginPhase phase) =>
        Enum.IsDefined(where) && Enum.IsDefined(phase) ? Banner?.Text : null;
}
